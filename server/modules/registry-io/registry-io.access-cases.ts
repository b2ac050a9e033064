/**
 * Access-matrix cases of the Excel round-trip routes. Job routes (scope rule 'commune') aim at a dry-run job
 * created fresh by each builder call, lying where its importer's home scope lies: own = a commune officer of
 * Đồng Đăng, sibling = one of the sibling commune, other = one of Ninh Bình, nation = a national user. Its file
 * holds one organisation row in that commune, so a permitted commit always answers 200 (mode valid_only).
 * Call the builder immediately before sending each request: a commit consumes its job.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';
import type { JobReport } from './import-job.repo.js';
import { organisationWorkbook } from './registry-io.test-support.js';

let seq = 0;

const communeOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.dongDang : t === 'sibling' ? fx.sibling : fx.otherCommune;

async function codeOf(h: Harness, unitId: number) {
  return (
    await h.database.db
      .selectFrom('admin_unit')
      .select('code')
      .where('id', '=', unitId)
      .executeTakeFirstOrThrow()
  ).code;
}

/** A small organisation file: one new organisation in a commune, with a code unique within the run. */
export async function matrixFile(h: Harness, communeId: number) {
  const n = ++seq;
  return organisationWorkbook([
    {
      regCode: `47${String(n).padStart(8, '0')}`,
      name: `Hợp tác xã Ma trận quyền ${n}`,
      kind: 'HTX',
      communeCode: await codeOf(h, communeId),
    },
  ]);
}

/** Inserts a dry-run job for a target directly (file in storage, scope of the target's importer); returns its id. */
export async function seedMatrixJob(h: Harness, target: MatrixTarget, fx: MatrixFixtures): Promise<number> {
  const communeId = communeOf(target, fx);
  const bytes = await matrixFile(h, communeId);
  const storageKey = randomUUID();
  await h.deps.storage.put(storageKey, bytes);
  const scope =
    target === 'nation'
      ? { provinceId: null, communeId: null }
      : { provinceId: target === 'other' ? fx.ninhBinh : fx.langSon, communeId };
  const totals = { rows: 1, valid: 1, invalid: 0, insert: 1, update: 0, unchanged: 0 };
  const report: JobReport = {
    storageKey,
    scope,
    sheet: { name: 'Danh sách', headerRow: 1, ignoredColumns: [] },
    dryRun: { totals, errorCount: 0, errors: [], warnings: [], possibleDuplicates: [] },
  };
  const r = await h.database.db
    .insertInto('import_job')
    .values({
      kind: 'organisations',
      file_name: 'ma-tran.xlsx',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      status: 'dry_run',
      province_id: scope.provinceId,
      report: JSON.stringify(report),
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Route id → request, per target. */
export const registryIoCases: MatrixCases = {
  'registry.templates.get': () => ({ method: 'GET', path: '/api/registry/templates/organisations' }),
  'registry.imports.create': async (_t, fx, h) => {
    const bytes = await matrixFile(h, fx.dongDang);
    return {
      method: 'POST',
      path: '/api/registry/imports',
      form: () => {
        const form = new FormData();
        form.set('kind', 'organisations');
        form.set('file', new File([new Uint8Array(bytes)], 'ma-tran.xlsx'));
        return form;
      },
    };
  },
  'registry.imports.list': () => ({ method: 'GET', path: '/api/registry/imports' }),
  'registry.imports.get': async (t, fx, h) => ({
    method: 'GET',
    path: `/api/registry/imports/${await seedMatrixJob(h, t, fx)}`,
  }),
  'registry.imports.commit': async (t, fx, h) => ({
    method: 'POST',
    path: `/api/registry/imports/${await seedMatrixJob(h, t, fx)}/commit`,
    body: { mode: 'valid_only' },
  }),
  'registry.imports.rejected': async (t, fx, h) => ({
    method: 'GET',
    path: `/api/registry/imports/${await seedMatrixJob(h, t, fx)}/rejected`,
  }),
  'registry.exports.organisations': () => ({
    method: 'GET',
    path: '/api/registry/exports/organisations?kind=HTX',
  }),
  'registry.exports.annual_reports': () => ({
    method: 'GET',
    path: '/api/registry/exports/annual-reports?year=2024',
  }),
};
