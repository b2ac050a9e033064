import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN, standardUsers, type TestClient } from '../../test/harness.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let officerId: number;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  officerId = (
    await h.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'pofficer')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(() => h.close());

/** A complete one-page PDF 1.4 with a correct cross-reference table. */
function minimalPdf(): Uint8Array<ArrayBuffer> {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/**
 * Serialises a form the way a browser sends it: multipart bytes with their boundary and an explicit
 * Content-Length, so the CSRF/content-type guard sees a body (a bare FormData reaches app.request without one).
 */
async function multipart(fields: { ownerType?: string; ownerId?: string; file?: File }) {
  const form = new FormData();
  if (fields.ownerType !== undefined) form.set('ownerType', fields.ownerType);
  if (fields.ownerId !== undefined) form.set('ownerId', fields.ownerId);
  if (fields.file) form.set('file', fields.file);
  const encoded = new Response(form);
  const raw = new Uint8Array(await encoded.arrayBuffer());
  return {
    raw,
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      'content-length': String(raw.byteLength),
    },
  };
}

async function upload(c: TestClient, file: File, owner: { ownerType?: string; ownerId?: string } = {}) {
  const body = await multipart({ ownerType: 'unit', ownerId: String(u.langSon), ...owner, file });
  return c.req('POST', '/api/attachments', undefined, body);
}

/** Downloads as raw bytes (TestClient decodes bodies as text). */
async function download(c: TestClient, id: number) {
  const res = await h.app.request(`http://localhost/api/attachments/${id}`, {
    headers: { host: 'localhost', cookie: c.cookie ?? '' },
  });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function auditCount() {
  const r = await h.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('POST /api/attachments', () => {
  const pdf = minimalPdf();
  let id: number;

  it('stores a PDF for a Lạng Sơn unit with the SHA-256 of its bytes and one audit row', async () => {
    const before = await auditCount();
    const r = await upload(officer, new File([pdf], 'bien-ban.pdf', { type: 'application/pdf' }));
    expect(r.status, r.text).toBe(201);
    const sha = createHash('sha256').update(pdf).digest('hex');
    expect(r.body.attachment).toMatchObject({
      ownerType: 'unit',
      ownerId: String(u.langSon),
      fileName: 'bien-ban.pdf',
      contentType: 'application/pdf',
      sizeBytes: pdf.byteLength,
      sha256: sha,
    });
    id = r.body.attachment.id;
    const row = await h.database.db
      .selectFrom('attachment')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.sha256).toBe(sha);
    expect(row).toMatchObject({ province_id: u.langSon, unit_id: u.langSon, created_by: officerId });
    expect(Buffer.from(await h.deps.storage.get(row.storage_key)).equals(Buffer.from(pdf))).toBe(true);

    expect(await auditCount()).toBe(before + 1);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      action: 'attachment.upload',
      entity_type: 'attachment',
      entity_id: String(id),
      actor_id: officerId,
      province_id: u.langSon,
    });
  });

  it('returns the same bytes on download, as an attachment', async () => {
    const d = await download(officer, id);
    expect(d.status).toBe(200);
    expect(Buffer.from(d.bytes).equals(Buffer.from(pdf))).toBe(true);
    expect(d.headers.get('content-type')).toBe('application/pdf');
    expect(d.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''bien-ban.pdf");
    expect(d.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets a Lạng Sơn commune officer download it and hides it from Ninh Bình', async () => {
    const commune = await download(await h.login('cofficer'), id);
    expect(commune.status).toBe(200);
    expect(Buffer.from(commune.bytes).equals(Buffer.from(pdf))).toBe(true);
    for (const other of ['padmin.nb', 'cofficer.nb']) {
      const c = await h.login(other);
      expect((await download(c, id)).status).toBe(404);
      expect((await c.get(`/api/attachments?ownerType=unit&ownerId=${u.langSon}`)).status).toBe(404);
    }
    expect((await download(h.anonymous(), id)).status).toBe(401);
  });

  it('lists the attachments of the owner', async () => {
    const r = await officer.get(`/api/attachments?ownerType=unit&ownerId=${u.langSon}`);
    expect(r.status).toBe(200);
    expect(r.body.items.map((x: { id: number }) => x.id)).toContain(id);
  });

  it('refuses to attach a file to a unit of another province (404)', async () => {
    const before = await auditCount();
    const r = await upload(officer, new File([pdf], 'bien-ban.pdf'), { ownerId: String(u.ninhBinh) });
    expect(r.status).toBe(404);
    expect(await auditCount()).toBe(before);
  });

  it('rejects a .pdf whose bytes are not a PDF with 415, storing nothing', async () => {
    const before = await auditCount();
    const rows = await h.database.db.selectFrom('attachment').select('id').execute();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const r = await upload(officer, new File([png], 'bien-ban.pdf'));
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('attachment.type_not_allowed');
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(await auditCount()).toBe(before);
    expect(await h.database.db.selectFrom('attachment').select('id').execute()).toEqual(rows);
  });

  it('rejects an executable with 415 even when it claims to be a PDF', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const r = await upload(officer, new File([exe], 'setup.exe', { type: 'application/pdf' }));
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('attachment.type_not_allowed');
    const disguised = await upload(officer, new File([exe], 'bien-ban.pdf'));
    expect(disguised.status).toBe(415);
  });

  it('rejects an empty file with 400', async () => {
    const r = await upload(officer, new File([], 'bien-ban.pdf'));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('attachment.empty');
  });

  it('rejects a file over 20 MB with 413', async () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(pdf);
    const r = await upload(officer, new File([big], 'bien-ban.pdf'));
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('attachment.too_large');
    // Far above the cap, the body limit stops the request before it is parsed.
    const huge = await upload(officer, new File([new Uint8Array(21 * 1024 * 1024)], 'bien-ban.pdf'));
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('request.too_large');
  });

  it('rejects an unknown owner type and a missing file with 400', async () => {
    const r = await upload(officer, new File([pdf], 'bien-ban.pdf'), { ownerType: 'spaceship' });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('attachment.owner_type');
    const missing = await officer.req(
      'POST',
      '/api/attachments',
      undefined,
      await multipart({ ownerType: 'unit', ownerId: String(u.langSon) }),
    );
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toContain('file');
    const form = new FormData();
    form.set('ownerType', 'unit');
    form.set('ownerId', String(u.langSon));
    form.set('file', 'not a file');
    const text = await officer.req('POST', '/api/attachments', undefined, { raw: form });
    expect(text.status).toBe(400);
    expect(text.body.code).toBe('attachment.file_missing');
  });

  it('accepts multipart only on the upload path and only from this origin', async () => {
    const body = await multipart({
      ownerType: 'unit',
      ownerId: String(u.langSon),
      file: new File([pdf], 'bien-ban.pdf'),
    });
    const elsewhere = await officer.req('POST', '/api/auth/password', undefined, body);
    expect(elsewhere.status).toBe(415);
    expect(elsewhere.body.code).toBe('request.unsupported_media_type');
    const crossSite = await officer.req('POST', '/api/attachments', undefined, {
      ...body,
      origin: 'https://evil.example',
    });
    expect(crossSite.status).toBe(403);
    const noOrigin = await officer.req('POST', '/api/attachments', undefined, { ...body, origin: null });
    expect(noOrigin.status).toBe(403);
    // A bare FormData (the Request sets the multipart boundary itself) is accepted too.
    const form = new FormData();
    form.set('ownerType', 'unit');
    form.set('ownerId', String(u.langSon));
    form.set('file', new File([pdf], 'bien-ban.pdf'));
    const direct = await officer.req('POST', '/api/attachments', undefined, {
      raw: form,
      headers: { origin: ORIGIN },
    });
    expect(direct.status, direct.text).toBe(201);
  });

  it('answers 409 when the stored file no longer matches its checksum', async () => {
    const row = await h.database.db
      .selectFrom('attachment')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const tampered = new Uint8Array(pdf);
    tampered[tampered.length - 2] ^= 0x01;
    await h.deps.storage.put(row.storage_key, tampered);
    const d = await download(officer, id);
    expect(d.status).toBe(409);
    const body = JSON.parse(new TextDecoder().decode(d.bytes));
    expect(body.code).toBe('attachment.corrupted');
  });
});
