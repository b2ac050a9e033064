/**
 * Search over all organisations: GET /api/organisations?q=… (folded name, code prefix, typo tolerance, filters)
 * against the same search SQL run directly. Goals: p95 < 50 ms and ≤ 3 × the direct SQL.
 */
import { check } from '../support/report.js';
import type { BenchCase } from './case-types.js';
import { compareReads, describeSlowest } from './read-compare.js';

/** The searches: common trades with and without diacritics, a typo, a legal-form prefix, a code prefix, filters. */
export function searchPaths(province: number, codePrefix: string): string[] {
  return [
    'q=nông nghiệp',
    'q=dich vu tong hop',
    'q=chè',
    'q=htx mây tre',
    `q=${codePrefix}`,
    'q=thuy san',
    'q=rau an toan',
    'q=nong ngiep',
    'q=vận tải&kind=HTX',
    `q=chăn nuôi&unitId=${province}`,
    'q=môi trường&legalStatus=active',
    'q=tổ hợp tác chè&sort=name',
  ].map((q) => `/api/organisations?${encodeURI(q)}&pageSize=20`);
}

export const searchCase: BenchCase = {
  name: 'search',
  kind: 'in-process',
  async run(env) {
    const code = await env.ds.db
      .selectFrom('organisation')
      .select('reg_code')
      .where('province_id', '=', env.units.province.id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const paths = searchPaths(env.units.province.id, code.reg_code.slice(0, 6));
    const { lines, slowest } = await compareReads(env, [
      { what: `search over ${env.organisations.toLocaleString('en-US')} organisations`, paths },
    ]);
    const l = lines[0];
    return {
      case: 'search',
      title: 'Organisation search',
      lines,
      goals: [
        check('search p95 < 50 ms', l.app.p95, 50, 'max', 'ms'),
        check('search p95 ≤ 3 × direct SQL', l.app.p95 / l.floor!.p95, 3, 'max', '×'),
      ],
      notes: [`slowest (median, application / direct): ${describeSlowest(slowest)}`],
    };
  },
};
