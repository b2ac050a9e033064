import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.js';
import { BAO_LOC, HAI_PHONG_2021 } from './seed-plans-bl-hp.js';
import { LANG_SON_2023 } from './seed-plans-ls.js';
import { DECISION_1318, RESOLUTION_20 } from './seed-plans-national.js';
import { KON_TUM_2021, NINH_BINH_2022 } from './seed-plans-nb-kt.js';
import type { SeedPlan } from './seed-plans-types.js';

/**
 * The plans HopTac ships: the five local plans the product was made from (seeds/INDEX.md, every target with
 * its ID, wording, comparator and unit) and the national targets of Resolution 20-NQ/TW and Decision 1318.
 * They are real documents, so they are loaded at first start on every database, demo or not.
 */
export const SEED_PLANS: readonly SeedPlan[] = [
  NINH_BINH_2022,
  KON_TUM_2021,
  BAO_LOC,
  HAI_PHONG_2021,
  LANG_SON_2023,
  RESOLUTION_20,
  DECISION_1318,
];

/** Finds a unit by era, level and code (the latest version when a code was reused). */
async function findUnit(db: Kysely<DB>, u: NonNullable<SeedPlan['unit']>) {
  return db
    .selectFrom('admin_unit')
    .select(['id', 'province_id'])
    .where('era', '=', u.era)
    .where('level', '=', u.level)
    .where('code', '=', u.code)
    .orderBy(sql`valid_to desc nulls first`)
    .limit(1)
    .executeTakeFirst();
}

/**
 * Loads the shipped plans that are not there yet (matched by their code), each with its targets and tasks, in
 * one transaction. Needs the administrative units. Returns how many plans it created.
 */
export async function seedPlans(db: Kysely<DB>): Promise<{ created: number }> {
  return db.transaction().execute(async (trx) => {
    const existing = new Set(
      (await trx.selectFrom('plan').select('code').where('code', 'like', 'seed:%').execute()).map(
        (r) => r.code,
      ),
    );
    let created = 0;
    for (const p of SEED_PLANS) {
      if (existing.has(p.code)) continue;
      const unit = p.unit ? await findUnit(trx, p.unit) : null;
      if (p.unit && !unit)
        throw new Error(
          `Kế hoạch mẫu ${p.code}: không tìm thấy đơn vị hành chính ${p.unit.era}/${p.unit.level}/${p.unit.code}.`,
        );
      const plan = await trx
        .insertInto('plan')
        .values({
          code: p.code,
          number: p.number,
          kind: p.kind,
          title: p.title,
          issuer: p.issuer,
          signer: p.signer,
          issued_on: p.issuedOn,
          unit_id: unit?.id ?? null,
          province_id: unit?.province_id ?? null,
          start_year: p.startYear,
          end_year: p.endYear,
          legal_bases: JSON.stringify(p.legalBases),
          status: 'in_force',
          summary: p.summary,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const ids = new Map<string, number>();
      for (const [i, t] of p.targets.entries()) {
        const r = await trx
          .insertInto('plan_target')
          .values({
            plan_id: plan.id,
            code: t.code,
            part: t.part ?? '',
            relation: t.relation ?? null,
            objective: t.objective ?? null,
            indicator_key: t.indicator,
            unit_label: t.unit,
            comparator: t.comparator,
            value: String(t.value),
            value_max: t.valueMax === undefined ? null : String(t.valueMax),
            target_year: t.year,
            recurring: t.recurring ?? false,
            wording: t.wording,
            note: t.note ?? null,
            allocation_level: t.allocationLevel ?? null,
            partition: t.partition ?? false,
            sort: (i + 1) * 10,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        ids.set(t.part ? `${t.code}/${t.part}` : t.code, r.id);
      }
      for (const t of p.targets) {
        if (!t.parent) continue;
        const parentId = ids.get(t.parent);
        if (!parentId) throw new Error(`Kế hoạch mẫu ${p.code}: chỉ tiêu cha ${t.parent} không có.`);
        await trx
          .updateTable('plan_target')
          .set({ parent_id: parentId })
          .where('id', '=', ids.get(t.part ? `${t.code}/${t.part}` : t.code)!)
          .execute();
      }
      for (const [i, t] of p.tasks.entries()) {
        await trx
          .insertInto('plan_task')
          .values({
            plan_id: plan.id,
            agency: t.agency,
            task: t.task,
            due_on: t.dueOn ?? null,
            recurrence: t.recurrence ?? null,
            deadline_md: t.deadlineMd ?? null,
            sort: (i + 1) * 10,
          })
          .execute();
      }
      created++;
    }
    return { created };
  });
}
