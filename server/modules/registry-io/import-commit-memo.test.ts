/**
 * The commit of an organisation import reuses its dry run (dry-run-memo.ts): no second read of the file when the
 * same user commits in the same process, and the kept classification only while the registry rows it read are
 * unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../context.js';
import {
  createHarness,
  type Harness,
  insertOrganisation,
  standardUsers,
  type TestClient,
} from '../../test/harness.js';
import { keptDryRun, memoUserKey } from './dry-run-memo.js';
import { dryRun, type OrgCells, organisationWorkbook } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let admin: TestClient;
let dongDangCode: string;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  admin = await h.login('padmin');
  dongDangCode = (
    await h.database.db
      .selectFrom('admin_unit')
      .select('code')
      .where('id', '=', u.dongDang)
      .executeTakeFirstOrThrow()
  ).code;
});
afterAll(() => h.close());

/** The dry run the commit of a job would reuse, as the province officer commits it. */
async function kept(jobId: number) {
  const user = await h.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'pofficer')
    .executeTakeFirstOrThrow();
  const job = await h.database.db
    .selectFrom('import_job')
    .select('sha256')
    .where('id', '=', jobId)
    .executeTakeFirstOrThrow();
  const officerUser = {
    id: user.id,
    role: 'province_officer',
    scope: {
      type: 'province',
      unitId: u.langSon,
      provinceId: u.langSon,
      communeId: null,
      organisationId: null,
    },
  } as SessionUser;
  return keptDryRun(h.deps.db, jobId, job.sha256, memoUserKey(officerUser));
}

const row = (i: number, over: OrgCells = {}): OrgCells => ({
  regCode: `49056780${String(i).padStart(2, '0')}`,
  name: `Hợp tác xã Ghi nhớ số ${i}`,
  kind: 'Hợp tác xã',
  communeCode: dongDangCode,
  foundedOn: '15/01/2021',
  legalStatus: 'Đang hoạt động',
  ...over,
});

async function codes(prefix: string) {
  return (
    await h.database.db
      .selectFrom('organisation')
      .select('reg_code')
      .where('reg_code', 'like', `${prefix}%`)
      .orderBy('reg_code')
      .execute()
  ).map((r) => r.reg_code);
}

describe('commit after a dry run in the same process', () => {
  it('writes what the dry run kept, then forgets it', async () => {
    const r = await dryRun(officer, 'organisations', await organisationWorkbook([row(1), row(2)]));
    expect(r.status, r.text).toBe(201);
    expect((await kept(r.body.jobId))?.rows).toBe(2);
    const c = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'all' });
    expect(c.status, c.text).toBe(200);
    expect(c.body).toMatchObject({ inserted: 2, updated: 0, rejected: 0 });
    expect(await kept(r.body.jobId)).toBeNull();
    expect(await codes('490567800')).toEqual(['4905678001', '4905678002']);
  });

  it('validates again when a registry row the classification read changed in between', async () => {
    const r = await dryRun(
      officer,
      'organisations',
      await organisationWorkbook([row(3), row(4, { name: 'Hợp tác xã Trùng Tên Về Sau' })]),
    );
    expect(r.body.totals).toMatchObject({ valid: 2, invalid: 0 });
    // Another HTX takes the name of row 4 after the dry run: the name must now be refused.
    await insertOrganisation(h, {
      regCode: '4905679999',
      name: 'HTX Trùng tên về sau',
      communeId: u.sibling,
    });
    const all = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'all' });
    expect(all.status).toBe(400);
    expect(all.body.code).toBe('import.has_errors');
    expect(await codes('490567800')).toEqual(['4905678001', '4905678002']);
    const valid = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'valid_only' });
    expect(valid.status, valid.text).toBe(200);
    expect(valid.body).toMatchObject({ inserted: 1, rejected: 1 });
    expect(await codes('490567800')).toEqual(['4905678001', '4905678002', '4905678003']);
  });

  it('commits when someone else commits (reading the file again)', async () => {
    const r = await dryRun(officer, 'organisations', await organisationWorkbook([row(5)]));
    expect(await kept(r.body.jobId)).not.toBeNull();
    const c = await admin.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'all' });
    expect(c.status, c.text).toBe(200);
    expect(c.body).toMatchObject({ inserted: 1 });
    expect(await codes('4905678005')).toEqual(['4905678005']);
  });

  it('changes nothing when the same file is imported again', async () => {
    const bytes = await organisationWorkbook([row(1), row(2)]);
    const before = await h.database.db
      .selectFrom('organisation')
      .selectAll()
      .where('reg_code', 'in', ['4905678001', '4905678002'])
      .orderBy('reg_code')
      .execute();
    const r = await dryRun(officer, 'organisations', bytes);
    expect(r.body.totals).toMatchObject({ rows: 2, unchanged: 2 });
    const c = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'all' });
    expect(c.body).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const after = await h.database.db
      .selectFrom('organisation')
      .selectAll()
      .where('reg_code', 'in', ['4905678001', '4905678002'])
      .orderBy('reg_code')
      .execute();
    expect(after).toEqual(before);
  });
});
