/** Past results: Excel import (template, dry run with per-row errors, commit in one transaction) and manual entry. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  insertOrganisation,
  standardUsers,
  type TestClient,
} from '../../test/harness.js';
import { HALF_SHEET, resetAssessment } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let admin: TestClient;
let group: number;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(client: TestClient, rows: unknown[][], header: string[]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KQ');
  ws.addRow(['KẾT QUẢ ĐÁNH GIÁ HTX CÁC NĂM']);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const form = new FormData();
  form.set('ownerType', 'assessment_import');
  form.set('ownerId', String(fx.langSon));
  form.set('file', new File([bytes], 'ket-qua-cu.xlsx', { type: XLSX }));
  const r = await client.req('POST', '/api/attachments', undefined, { raw: form });
  expect(r.status, r.text).toBe(201);
  return r.body.attachment.id as number;
}

const HEADER = [
  'Mã số HTX',
  'Tên HTX',
  'Năm',
  'Tổng điểm',
  'Xếp loại',
  'Lý do không xếp loại',
  'Tiêu chí 1a',
  'Tiêu chí 5',
];

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  admin = await h.login('padmin');
  group = await insertOrganisation(h, {
    regCode: '4900000301',
    name: 'Tổ hợp tác Rau sạch',
    communeId: fx.dongDang,
    kind: 'THT',
  });
  await resetAssessment(h, fx.orgSibling, 2021, 'self_submitted');
});
afterAll(() => h.close());

describe('GET /api/assessment-imports/template', () => {
  it('has the fixed columns and one column per scored item of the rubric', async () => {
    const res = await h.app.request('http://localhost/api/assessment-imports/template', {
      headers: { cookie: admin.cookie ?? '' },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const header = wb.worksheets[0].getRow(2).values as unknown[];
    expect(header.slice(1, 8)).toEqual([
      'Mã số HTX',
      'Tên hợp tác xã',
      'Năm đánh giá',
      'Bộ tiêu chí',
      'Tổng điểm',
      'Xếp loại',
      'Lý do không xếp loại',
    ]);
    expect(header).toContain('Tiêu chí 15');
    expect(header.filter((x) => String(x).startsWith('Tiêu chí '))).toHaveLength(
      Object.keys(HALF_SHEET).length,
    );
  });
});

describe('POST /api/assessment-imports', () => {
  let file: number;

  it('dry-runs with Vietnamese errors per row and writes nothing', async () => {
    file = await upload(
      admin,
      [
        ['4900000001', 'HTX Đồng Đăng', 2021, '72,5', 'HTX Khá', null, 6, 8],
        ['4900000001', 'HTX Đồng Đăng', 2022, null, null, 'Mới thành lập dưới 12 tháng', null, null],
        ['4900000001', 'HTX Đồng Đăng', 2021, 70, 'Khá', null, null, null],
        ['2700000003', 'HTX Yên Mô', 2021, 80, 'Tốt', null, null, null],
        ['4900000002', 'HTX Hòa Bình', 2021, 60, null, null, null, null],
        ['4900000301', 'THT Rau', 2021, 60, null, null, null, null],
        ['4900000001', 'HTX Đồng Đăng', 2020, 64.9, 'Khá', null, null, null],
        ['4900000001', 'HTX Đồng Đăng', 2019, 50, null, null, 7, null],
        ['9999999999', 'Không có', 2019, 'năm mươi', null, null, null, null],
      ],
      HEADER,
    );
    const r = await admin.post('/api/assessment-imports', { attachmentId: file });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({
      committed: false,
      totalRows: 9,
      acceptedRows: 2,
      rejectedRows: 7,
      inserts: 2,
      updates: 0,
    });
    const errs = Object.fromEntries(
      r.body.rejected.map((x: { row: number; errors: { message: string }[] }) => [
        x.row,
        x.errors.map((e) => e.message).join(' | '),
      ]),
    );
    expect(errs[5]).toContain('lặp lại trong tệp');
    expect(errs[6]).toContain('Không tìm thấy tổ chức có mã số 2700000003 trong phạm vi của bạn');
    expect(errs[7]).toContain('đã có phiếu đánh giá trong quy trình');
    expect(errs[8]).toContain('Tổ hợp tác không thuộc diện');
    expect(errs[9]).toContain('Xếp loại "Khá" không khớp tổng điểm 64,9');
    expect(errs[10]).toContain('Điểm tiêu chí "1a" phải từ 0 đến 6');
    expect(errs[11]).toContain('"năm mươi" không phải là số');
    expect(
      r.body.accepted.map(
        (a: {
          year: number;
          band: string | null;
          total: number | null;
          notClassifiedReason: string | null;
          regCode: string;
        }) => [a.regCode, a.year, a.band, a.total, a.notClassifiedReason],
      ),
    ).toEqual([
      ['4900000001', 2021, 'kha', 72.5, null],
      ['4900000001', 2022, null, null, 'new_lt_12_months'],
    ]);
    expect(
      await h.database.db.selectFrom('assessment_result').select('id').where('imported', '=', true).execute(),
    ).toEqual([]);
  });

  it('commits the accepted rows in one transaction with one audit row', async () => {
    const r = await admin.post('/api/assessment-imports', { attachmentId: file, commit: true });
    expect(r.body).toMatchObject({ committed: true, acceptedRows: 2 });
    const rows = await h.database.db
      .selectFrom('assessment_result')
      .select(['year', 'band', 'final_total', 'status', 'not_classified_reason'])
      .where('organisation_id', '=', fx.orgOwn)
      .where('imported', '=', true)
      .orderBy('year')
      .execute();
    expect(rows).toEqual([
      { year: 2021, band: 'kha', final_total: '72.50', status: 'published', not_classified_reason: null },
      {
        year: 2022,
        band: null,
        final_total: null,
        status: 'published',
        not_classified_reason: 'new_lt_12_months',
      },
    ]);
    const scores = await h.database.db
      .selectFrom('assessment_score as s')
      .innerJoin('assessment_result as a', 'a.id', 's.assessment_id')
      .select(['s.item_code', 's.self_score'])
      .where('a.organisation_id', '=', fx.orgOwn)
      .where('a.year', '=', 2021)
      .orderBy('s.item_code')
      .execute();
    expect(scores).toEqual([
      { item_code: '1a', self_score: '6.00' },
      { item_code: '5', self_score: '8.00' },
    ]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'assessment.import')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('updates an imported year on a second import (upsert by code and year)', async () => {
    const again = await upload(admin, [['4900000001', '', 2021, 81, null, null, null, null]], HEADER);
    const r = await admin.post('/api/assessment-imports', { attachmentId: again, commit: true });
    expect(r.body).toMatchObject({ inserts: 0, updates: 1 });
    const history = (await admin.get(`/api/organisations/${fx.orgOwn}/assessments`)).body.items;
    expect(
      history.map((x: { year: number; band: string | null; total: number | null }) => [
        x.year,
        x.band,
        x.total,
      ]),
    ).toEqual([
      [2021, 'tot', 81],
      [2022, null, null],
    ]);
  });

  it('refuses a file that is not a spreadsheet and a file the caller cannot see', async () => {
    const nb = await h.login('padmin.nb');
    const r = await nb.post('/api/assessment-imports', { attachmentId: file });
    expect([r.status, r.body.code]).toEqual([404, 'not_found']);
    const form = new FormData();
    form.set('ownerType', 'assessment_import');
    form.set('ownerId', String(fx.langSon));
    form.set(
      'file',
      new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'anh.png', {
        type: 'image/png',
      }),
    );
    const png = await admin.req('POST', '/api/attachments', undefined, { raw: form });
    const p = await admin.post('/api/assessment-imports', { attachmentId: png.body.attachment.id });
    expect([p.status, p.body.code]).toEqual([400, 'assessment_import.not_xlsx']);
  });
});

describe('POST /api/organisations/{id}/assessments/{year}/record', () => {
  it('records a past result by hand, deriving the total from complete scores', async () => {
    const scores = Object.entries(HALF_SHEET).map(([code, score]) => ({ code, score }));
    const r = await admin.post(`/api/organisations/${fx.orgOwn}/assessments/2018/record`, { scores });
    expect(r.status, r.text).toBe(200);
    expect(r.body.assessment).toMatchObject({
      imported: true,
      status: 'published',
      finalTotal: 60,
      band: 'trung_binh',
      allowedActions: [],
    });
  });

  it('refuses a band that contradicts the total, a year in the workflow, and a cooperative group', async () => {
    const bad = await admin.post(`/api/organisations/${fx.orgOwn}/assessments/2017/record`, {
      total: 79.9,
      band: 'tot',
    });
    expect([bad.status, bad.body.code]).toEqual([400, 'assessment.record_invalid']);
    const busy = await admin.post(`/api/organisations/${fx.orgSibling}/assessments/2021/record`, {
      total: 70,
    });
    expect([busy.status, busy.body.code]).toEqual([409, 'assessment.exists_in_workflow']);
    const tht = await admin.post(`/api/organisations/${group}/assessments/2021/record`, { total: 70 });
    expect([tht.status, tht.body.code]).toEqual([400, 'assessment.not_applicable']);
  });
});

describe('attachments of an assessment', () => {
  it('accepts evidence on the own assessment and hides it from another commune (404)', async () => {
    const id = await resetAssessment(h, fx.orgOwn, 2024, 'draft');
    const form = () => {
      const f = new FormData();
      f.set('ownerType', 'assessment');
      f.set('ownerId', String(id));
      f.set(
        'file',
        new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'bien-ban-hdqt.pdf', {
          type: 'application/pdf',
        }),
      );
      return f;
    };
    const coop = await h.login('coop');
    expect((await coop.req('POST', '/api/attachments', undefined, { raw: form() })).status).toBe(201);
    const other = await h.login('cofficer.sibling');
    expect((await other.req('POST', '/api/attachments', undefined, { raw: form() })).status).toBe(404);
    expect((await other.get(`/api/attachments?ownerType=assessment&ownerId=${id}`)).status).toBe(404);
    expect((await coop.get(`/api/attachments?ownerType=assessment&ownerId=${id}`)).body.items).toHaveLength(
      1,
    );
  });

  it('keeps the evidence of one item apart under "<id>-<item code>" and in the same scope', async () => {
    const id = await resetAssessment(h, fx.orgOwn, 2024, 'draft');
    const form = (ownerId: string) => {
      const f = new FormData();
      f.set('ownerType', 'assessment');
      f.set('ownerId', ownerId);
      f.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d])], 'so-sach-von.pdf'));
      return f;
    };
    const coop = await h.login('coop');
    expect((await coop.req('POST', '/api/attachments', undefined, { raw: form(`${id}-1a`) })).status).toBe(
      201,
    );
    const item = await coop.get(`/api/attachments?ownerType=assessment&ownerId=${id}-1a`);
    expect(item.body.items.map((a: { fileName: string }) => a.fileName)).toEqual(['so-sach-von.pdf']);
    expect((await coop.get(`/api/attachments?ownerType=assessment&ownerId=${id}-1b`)).body.items).toEqual([]);
    const other = await h.login('cofficer.sibling');
    expect((await other.get(`/api/attachments?ownerType=assessment&ownerId=${id}-1a`)).status).toBe(404);
    expect((await coop.req('POST', '/api/attachments', undefined, { raw: form(`${id}-1a.b`) })).status).toBe(
      400,
    );
  });
});
