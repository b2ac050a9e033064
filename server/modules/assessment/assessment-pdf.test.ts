/** The printable form: rendered with Vietnamese glyphs (checked by extracting the text with pdftotext). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers } from '../../test/harness.js';
import { resetAssessment } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const dir = mkdtempSync(join(tmpdir(), 'hoptac-pdf-'));

/** The text of a PDF as pdftotext (poppler) extracts it, whitespace normalised. */
function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

async function pdf(user: string, org: number, year: number) {
  const c = await h.login(user);
  const res = await h.app.request(`http://localhost/api/organisations/${org}/assessments/${year}/pdf`, {
    headers: { cookie: c.cookie ?? '' },
  });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  const db = h.database.db;
  await db
    .updateTable('organisation')
    .set({ address: 'Thôn Pò Nhùng', phone: '0205 3851 234', email: 'htx.dongdang@example.vn' })
    .where('id', '=', fx.orgOwn)
    .execute();
  await db
    .insertInto('annual_report')
    .values({
      organisation_id: fx.orgOwn,
      year: 2024,
      period: 'year',
      status: 'approved',
      member_official_individual: 60,
      members_official: 60,
      members_total: 60,
      total_capital: '800000000',
      revenue_total: '2500000000',
    } as never)
    .execute();
  const id = await resetAssessment(h, fx.orgOwn, 2024, 'published');
  await db
    .updateTable('assessment_result')
    .set({ band: 'trung_binh', final_total: '60', service_type: 'mixed' })
    .where('id', '=', id)
    .execute();
  await db
    .insertInto('assessment_classification')
    .values({
      organisation_id: fx.orgOwn,
      year: 2024,
      member_scale: 'small',
      capital_scale: 'micro',
      size_class: 'small',
      service_type: 'mixed',
      field: 'agriculture',
      members_basis: 60,
      capital_basis: '800000000',
      revenue_basis: '2500000000',
    })
    .execute();
  await db
    .updateTable('assessment_score')
    .set({ self_note: 'Theo sổ kế toán năm 2024' })
    .where('assessment_id', '=', id)
    .where('item_code', '=', '1a')
    .execute();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await h.close();
});

describe('GET /api/organisations/{id}/assessments/{year}/pdf', () => {
  it('renders the official layout with Vietnamese text intact', async () => {
    const { res, bytes } = await pdf('coop', fx.orgOwn, 2024);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes, 'form.pdf');
    for (const s of [
      'BẢNG ĐÁNH GIÁ HỢP TÁC XÃ NĂM 2024',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Tên hợp tác xã: Hợp tác xã Nông nghiệp Đồng Đăng',
      'Địa chỉ: Thôn Pò Nhùng',
      'Điện thoại: 0205 3851 234',
      'Email: htx.dongdang@example.vn',
      'Số giấy chứng nhận đăng ký: 4900000001',
      'Số TT',
      'Tiêu chí đánh giá',
      'Thang điểm tối đa',
      'Điểm HTX tự chấm',
      'Ghi chú',
      'Nhóm tiêu chí về tài chính',
      'Tổng nguồn vốn bình quân của HTX',
      'Chấp hành pháp luật trong tổ chức, hoạt động của hợp tác xã',
      'Lợi ích thành viên',
      'cần bổ sung theo Phụ lục',
      'Theo sổ kế toán năm 2024',
      'Tổng cộng',
      'Phân loại theo quy mô thành viên',
      'Siêu nhỏ',
      'Hỗn hợp',
      'Tiêu dùng',
      'Tự xếp loại theo điểm tự chấm: HTX Trung bình',
      'Kết quả được xác nhận: 60 điểm, xếp loại HTX Trung bình',
      'TM. HỘI ĐỒNG QUẢN TRỊ',
      'BAN KIỂM SOÁT / KIỂM SOÁT VIÊN',
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Thông qua ngày 01/12/2024',
    ])
      expect(text, s).toContain(s);
    // Ticked: service type (mixed), member scale (small), capital scale (micro), NĐ 113 size (small).
    expect(text.match(/×/g)).toHaveLength(4);
  });

  it('leaves the capital scale unticked when its class is not in our sources ("chưa xác định")', async () => {
    await h.database.db
      .updateTable('assessment_classification')
      .set({ capital_scale: 'undetermined' })
      .where('organisation_id', '=', fx.orgOwn)
      .execute();
    const text = pdfText((await pdf('padmin', fx.orgOwn, 2024)).bytes, 'undetermined.pdf');
    expect(text.match(/×/g)).toHaveLength(3);
    expect(text).toContain('(chưa xác định)');
  });

  it('answers 404 for another commune', async () => {
    expect((await pdf('cofficer.sibling', fx.orgOwn, 2024)).res.status).toBe(404);
  });
});
