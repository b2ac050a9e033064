/**
 * The dry run reads the registry for a whole file at once (rules read ahead beside the stored organisations,
 * duplicates looked up once per distinct name and representative, both while the rows are classified): the
 * verdicts must be those of the row-by-row rules, including the cases the read-ahead does not cover by itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  insertOrganisation,
  standardUsers,
  type TestClient,
} from '../../test/harness.js';
import { dryRun, type OrgCells, organisationWorkbook } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let dongDangCode: string;

const codeOf = async (id: number) =>
  (await h.database.db.selectFrom('admin_unit').select('code').where('id', '=', id).executeTakeFirstOrThrow())
    .code;

const row = (code: string, over: OrgCells = {}): OrgCells => ({
  regCode: code,
  name: `Hợp tác xã Đọc trước ${code}`,
  kind: 'Hợp tác xã',
  communeCode: dongDangCode,
  foundedOn: '15/01/2020',
  vsicCode: '0111',
  legalStatus: 'Đang hoạt động',
  ...over,
});

async function setRep(id: number, rep: string) {
  await h.database.db.updateTable('organisation').set({ legal_rep_name: rep }).where('id', '=', id).execute();
}

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  dongDangCode = await codeOf(u.dongDang);
});
afterAll(() => h.close());

describe('dry run: registry reads for the whole file', () => {
  it('refuses a code once given up, among new codes of a file', async () => {
    const gone = await insertOrganisation(h, {
      regCode: '4906660001',
      name: 'Hợp tác xã Đã đổi mã',
      communeId: u.dongDang,
    });
    await h.database.db
      .insertInto('organisation_retired_code')
      .values({ reg_code: '4906660099', organisation_id: gone })
      .execute();
    const r = await dryRun(
      officer,
      'organisations',
      await organisationWorkbook([row('4906660099'), row('4906660098')]),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals).toMatchObject({ rows: 2, valid: 1, invalid: 1, insert: 1 });
    expect(r.body.errors).toHaveLength(1);
    expect(r.body.errors[0]).toMatchObject({ row: 2, column: 'Mã số HTX/THT' });
    expect(r.body.errors[0].message).toContain('không được dùng lại');
  });

  it('checks a row that keeps its stored name against the other holders of that name', async () => {
    // Two live THT of one name in two communes; a row moves the second into the first one's commune and leaves
    // the name empty (the stored name is kept): the name the rule checks is in no cell of the file.
    await insertOrganisation(h, {
      regCode: '4906670001',
      name: 'Tổ hợp tác Rau Đọc Trước',
      communeId: u.dongDang,
      kind: 'THT',
    });
    await insertOrganisation(h, {
      regCode: '4906670002',
      name: 'Tổ hợp tác Rau Đọc Trước',
      communeId: u.sibling,
      kind: 'THT',
    });
    const r = await dryRun(
      officer,
      'organisations',
      await organisationWorkbook([row('4906670002', { name: null, kind: 'Tổ hợp tác' })]),
    );
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals).toMatchObject({ rows: 1, invalid: 1 });
    expect(r.body.errors[0]).toMatchObject({ row: 2, column: 'Tên tổ chức' });
    expect(r.body.errors[0].message).toContain('cùng xã/phường');
  });

  it('groups every row sharing a representative once, with each stored namesake once', async () => {
    const a = await insertOrganisation(h, {
      regCode: '4906680001',
      name: 'Hợp tác xã Chè A',
      communeId: u.sibling,
    });
    const b = await insertOrganisation(h, {
      regCode: '4906680002',
      name: 'Hợp tác xã Chè B',
      communeId: u.dongDang,
    });
    // Outside the province: not a possible duplicate of a row in Lạng Sơn.
    const c = await insertOrganisation(h, {
      regCode: '2706680003',
      name: 'Hợp tác xã Chè C',
      communeId: u.otherCommune,
    });
    for (const id of [a, b, c]) await setRep(id, 'Lò Văn Đọc');
    const spellings = ['Lò Văn Đọc', 'lò văn đọc', 'LO VAN DOC'];
    const rows = Array.from({ length: 30 }, (_, i) =>
      row(`49066810${String(i).padStart(2, '0')}`, { legalRepName: spellings[i % 3] }),
    );
    const r = await dryRun(officer, 'organisations', await organisationWorkbook(rows));
    expect(r.status, r.text).toBe(201);
    const groups = r.body.possibleDuplicates.filter(
      (g: { reason: string; regCodes: string[] }) =>
        g.reason === 'same_representative' && g.regCodes.includes('4906681000'),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0].rows).toEqual(rows.map((_, i) => i + 2));
    expect(groups[0].existing.map((e: { id: number }) => e.id)).toEqual([a, b]);
    expect(groups[0].regCodes).toHaveLength(32);
  });
});
