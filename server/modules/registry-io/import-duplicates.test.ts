import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { createOrg } from '../organisation/organisation.test-helpers.js';
import { dryRun, type OrgCells, organisationWorkbook } from './registry-io.test-support.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let dongDangCode: string;
let siblingCode: string;
let cheTanCuong: { id: number; regCode: string };
let vanTai: { id: number; regCode: string };

const codeOf = async (id: number) =>
  (await h.database.db.selectFrom('admin_unit').select('code').where('id', '=', id).executeTakeFirstOrThrow())
    .code;

const row = (i: number, over: OrgCells): OrgCells => ({
  regCode: `49077700${String(i).padStart(2, '0')}`,
  kind: 'Hợp tác xã',
  communeCode: dongDangCode,
  foundedOn: '15/01/2020',
  vsicCode: '0111',
  legalStatus: 'Đang hoạt động',
  ...over,
});

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  [dongDangCode, siblingCode] = await Promise.all([codeOf(u.dongDang), codeOf(u.sibling)]);
  const national = await h.login('national');
  const created = async (communeId: number, o: Record<string, unknown>) => {
    const r = await createOrg(national, communeId, o);
    return { id: r.organisation.id, regCode: r.organisation.regCode };
  };
  cheTanCuong = await created(u.dongDang, {
    name: 'Hợp tác xã Chè Tân Cương',
    legalRepName: 'Nguyễn Thị Lan',
  });
  vanTai = await created(u.dongDang, { name: 'Hợp tác xã Vận tải Hữu Nghị', legalRepName: 'Hoàng Văn Thụ' });
  // Ninh Bình: the same representative there is another province, outside the officer's scope.
  await created(u.otherCommune, { name: 'Hợp tác xã Mây tre Yên Mô', legalRepName: 'Trần Văn Bình' });
});
afterAll(() => h.close());

describe('POST /api/registry/imports (dry run): possible duplicates', () => {
  it('names the stored organisation of the same name in the commune and of the same representative in the province', async () => {
    const before = await h.database.db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const bytes = await organisationWorkbook([
      // Same normalised name (legal-form prefix, case and diacritics ignored) in the same commune, another code
      // and kind (the registry refuses a second live HTX of one name, not a THT).
      row(1, { name: 'THT CHE TAN CUONG', kind: 'Tổ hợp tác', legalRepName: 'Lý Văn Sáu' }),
      // Same representative, written otherwise, in another commune of the same province.
      row(2, {
        name: 'Hợp tác xã Rau sạch Hữu Lũng',
        communeCode: siblingCode,
        legalRepName: 'hoàng  văn thụ',
      }),
      // Same name in another commune: not a duplicate (the rule is per commune).
      row(3, {
        name: 'Tổ hợp tác Vận tải Hữu Nghị',
        kind: 'Tổ hợp tác',
        communeCode: siblingCode,
        legalRepName: 'Đinh Văn Tư',
      }),
      // Same representative as an organisation of another province: not a duplicate.
      row(4, { name: 'Hợp tác xã Dược liệu Mẫu Sơn', legalRepName: 'Trần Văn Bình' }),
      // Two rows of the file under one name in one commune.
      row(5, { name: 'Tổ hợp tác Mây tre Đồng Đăng', kind: 'Tổ hợp tác', legalRepName: 'Vi Văn Bảy' }),
      row(6, { name: 'HTX mây tre Đồng Đăng', legalRepName: 'Vi Thị Tám' }),
    ]);
    const r = await dryRun(officer, 'organisations', bytes);
    expect(r.status, r.text).toBe(201);
    expect(r.body.errors).toEqual([]);
    expect(r.body.totals).toMatchObject({ rows: 6, invalid: 0, insert: 6 });
    const dups = r.body.possibleDuplicates as {
      reason: string;
      value: string;
      communeName: string;
      provinceName?: string;
      rows: number[];
      regCodes: string[];
      existing: { id: number; regCode: string; name: string }[];
    }[];
    const sorted = [...dups].sort((a, b) => a.rows[0] - b.rows[0]);
    expect(sorted).toEqual([
      expect.objectContaining({
        reason: 'same_name',
        value: 'THT CHE TAN CUONG',
        communeName: expect.stringContaining('Đồng Đăng'),
        rows: [2],
        regCodes: [row(1, {}).regCode, cheTanCuong.regCode],
        existing: [{ id: cheTanCuong.id, regCode: cheTanCuong.regCode, name: 'Hợp tác xã Chè Tân Cương' }],
      }),
      expect.objectContaining({
        reason: 'same_representative',
        value: 'hoàng văn thụ',
        provinceName: expect.stringContaining('Lạng Sơn'),
        rows: [3],
        regCodes: [row(2, {}).regCode, vanTai.regCode],
        existing: [{ id: vanTai.id, regCode: vanTai.regCode, name: 'Hợp tác xã Vận tải Hữu Nghị' }],
      }),
      expect.objectContaining({
        reason: 'same_name',
        rows: [6, 7],
        regCodes: [row(5, {}).regCode, row(6, {}).regCode],
        existing: [],
      }),
    ]);
    // A dry run writes no organisation.
    const after = await h.database.db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('is the rule of the entry form: what the dry run flags, the duplicate check flags too', async () => {
    const check = async (q: Record<string, string | number>) =>
      (
        await officer.get(
          `/api/organisations/duplicates?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]))}`,
        )
      ).body.items.map((x: { id: number; reasons: string[] }) => [x.id, x.reasons]);
    expect(
      await check({ name: 'THT CHE TAN CUONG', communeId: u.dongDang, legalRepName: 'Lý Văn Sáu' }),
    ).toEqual([[cheTanCuong.id, ['name']]]);
    expect(
      await check({
        name: 'Hợp tác xã Rau sạch Hữu Lũng',
        communeId: u.sibling,
        legalRepName: 'hoàng  văn thụ',
      }),
    ).toEqual([[vanTai.id, ['legal_rep']]]);
    expect(
      await check({ name: 'Tổ hợp tác Vận tải Hữu Nghị', communeId: u.sibling, legalRepName: 'Đinh Văn Tư' }),
    ).toEqual([]);
    expect(
      await check({
        name: 'Hợp tác xã Dược liệu Mẫu Sơn',
        communeId: u.dongDang,
        legalRepName: 'Trần Văn Bình',
      }),
    ).toEqual([]);
  });
});
