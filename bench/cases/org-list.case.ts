/**
 * The organisation list page without a search term: the first page, filtered and sorted, through GET
 * /api/organisations against its SQL. No goal of its own in issue 6: the search's (p95 < 50 ms, ≤ 3 × SQL).
 */
import { check } from '../support/report.js';
import type { BenchCase } from './case-types.js';
import { compareReads, describeSlowest } from './read-compare.js';

export const orgListCase: BenchCase = {
  name: 'org-list',
  kind: 'in-process',
  async run(env) {
    const p = env.units.province.id;
    const c = env.units.commune.id;
    const { lines, slowest } = await compareReads(env, [
      { what: 'first page (national scope)', paths: ['/api/organisations?page=1&pageSize=20'] },
      {
        what: 'filtered (kind, status, province / commune)',
        paths: [
          `/api/organisations?kind=HTX&legalStatus=active&unitId=${p}&pageSize=20`,
          `/api/organisations?unitId=${c}&pageSize=20`,
          '/api/organisations?kind=THT&pageSize=20',
        ],
      },
      {
        what: 'sorted (name, founding date, page 5)',
        paths: [
          '/api/organisations?sort=name&order=asc&pageSize=20',
          `/api/organisations?sort=foundedOn&order=desc&unitId=${p}&pageSize=20`,
          '/api/organisations?sort=regCode&page=5&pageSize=20',
        ],
      },
    ]);
    return {
      case: 'org-list',
      title: 'Organisation list page',
      lines,
      goals: lines.flatMap((l) => [
        check(`${l.what}: p95 < 50 ms`, l.app.p95, 50, 'max', 'ms'),
        check(`${l.what}: p95 ≤ 3 × direct SQL`, l.app.p95 / l.floor!.p95, 3, 'max', '×'),
      ]),
      notes: [`slowest (median, application / direct): ${describeSlowest(slowest)}`],
    };
  },
};
