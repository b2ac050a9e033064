/** Every target of the five seed plans and the national plan: GET /api/plans/{id} (which evaluates them all) against its SQL. */
import type { Goal } from '../support/report.js';
import type { BenchCase } from './case-types.js';
import { ratioGoal } from './dashboard.case.js';
import { compareReads, describeSlowest } from './read-compare.js';

export const targetsCase: BenchCase = {
  name: 'targets',
  kind: 'in-process',
  async run(env) {
    const plans = await env.ds.db
      .selectFrom('plan')
      .select(['id', 'code'])
      .where('code', 'like', 'seed:%')
      .orderBy('code')
      .execute();
    if (!plans.length) throw new Error('the dataset has no seed plans (code seed:…)');
    const counts = await env.ds.db
      .selectFrom('plan_target')
      .select((eb) => ['plan_id', eb.fn.countAll<number>().as('n')])
      .where(
        'plan_id',
        'in',
        plans.map((p) => p.id),
      )
      .groupBy('plan_id')
      .execute();
    const n = new Map(counts.map((c) => [c.plan_id, Number(c.n)]));
    const { lines, slowest } = await compareReads(
      env,
      plans.map((p) => ({
        what: `${(p.code ?? '').replace('seed:', '')} (${n.get(p.id) ?? 0} targets)`,
        paths: [`/api/plans/${p.id}`],
      })),
    );
    const goals: Goal[] = lines.map((l) => ratioGoal(`plan ${l.what}`, l.app.p95, l.floor!.p95));
    return {
      case: 'targets',
      title: 'Evaluation of every target of the seed plans',
      lines,
      goals,
      notes: [`slowest (median, application / direct): ${describeSlowest(slowest)}`],
    };
  },
};
