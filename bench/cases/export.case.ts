/**
 * Export of 50,000 organisations (the registry export service: scope, query, Vietnamese sort, labels, formula
 * neutralising, the template's workbook with its lists) against writing the same rows with exceljs alone.
 */
import ExcelJS from 'exceljs';
import { ORGANISATION_COLUMNS } from '../../server/modules/registry-io/columns-organisation.js';
import { findOrganisationsForExport } from '../../server/modules/registry-io/export-filters.js';
import {
  exportOrganisations,
  organisationRow,
} from '../../server/modules/registry-io/export-organisations.js';
import { classifyOrganisations } from '../../server/modules/registry-io/org-classify.js';
import { prepareOrganisations } from '../../server/modules/registry-io/org-prepare.js';
import { readSheet } from '../../server/modules/registry-io/read-sheet.js';
import { check } from '../support/report.js';
import { summarise, timed } from '../support/stats.js';
import { BULK_ROWS, bulkCommune, bulkCopyText, bulkCount, bulkWorkbook, removeBulk } from './bulk-fixture.js';
import type { BenchCase } from './case-types.js';

/** The floor: the same rows written by exceljs's streaming writer, nothing else. */
async function exceljsAlone(rows: unknown[][]): Promise<number> {
  const chunks: Buffer[] = [];
  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  out.on('data', (c: Buffer) => chunks.push(c));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet('Tổ chức');
  ws.addRow(ORGANISATION_COLUMNS.map((c) => c.header)).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
  return chunks.reduce((n, c) => n + c.length, 0);
}

export const exportCase: BenchCase = {
  name: 'export',
  kind: 'in-process',
  async run(env) {
    const ctx = env.app.ctx;
    if ((await bulkCount(env)) !== BULK_ROWS) {
      await removeBulk(env);
      const bytes = await bulkWorkbook(env);
      const prepared = await prepareOrganisations(ctx, await readSheet(bytes, ORGANISATION_COLUMNS));
      const writes = (await classifyOrganisations(env.ds.db, ctx, prepared, false)).inserts;
      const copy = await bulkCopyText(env, writes);
      await env.ds.copy('organisation', copy.columns, copy.body);
    }
    const commune = await bulkCommune(env);
    const rows = (await findOrganisationsForExport(ctx, ctx.db, { unitId: commune.id })).map(organisationRow);
    const app: number[] = [];
    const floor: number[] = [];
    let count = 0;
    for (let i = 0; i <= env.slowRuns; i++) {
      const [r, a] = await timed(() => exportOrganisations(ctx, { unitId: commune.id }));
      const f = (await timed(() => exceljsAlone(rows)))[1];
      count = r.count;
      if (i > 0 || env.slowRuns === 0) {
        app.push(a);
        floor.push(f);
      }
      console.log(`  export run ${i}: service ${a.toFixed(0)} ms, exceljs alone ${f.toFixed(0)} ms`);
    }
    await removeBulk(env);
    const s = { app: summarise(app), floor: summarise(floor) };
    return {
      case: 'export',
      title: 'Excel export of 50,000 organisations',
      lines: [
        {
          what: `export service, ${count.toLocaleString('en-US')} rows`,
          app: s.app,
          floor: s.floor,
          floorWhat: 'the same rows, exceljs alone',
        },
      ],
      goals: [
        check(
          'export ≤ 2 × exceljs alone (medians; no goal in issue 6, reported)',
          s.app.p50 / s.floor.p50,
          2,
          'max',
          '×',
        ),
      ],
      notes: [`median of ${app.length} runs after a warm-up`],
    };
  },
};
