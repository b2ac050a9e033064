/**
 * Import of past years' results from Excel (per-criterion scores, totals, bands), upserted by registration code and
 * year. The file is first uploaded as an attachment (owner type 'assessment_import', the unit it concerns); a dry run
 * lists per-row Vietnamese errors; the commit writes every accepted row in one transaction with one audit row.
 */
import type { Kysely } from 'kysely';
import type { Ctx } from '../../context.js';
import type { DB } from '../../db/schema.js';
import { AppError, type FieldError } from '../../http/problem.js';
import { downloadAttachment } from '../attachment/attachment.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { inOrgScope, requireUser } from '../auth/scope.js';
import { readSheet, type SheetRow } from '../registry-io/read-sheet.js';
import * as repo from './assessment.repo.js';
import { importColumns, readBand, readCode, readNumber, readReason } from './import-columns.js';
import {
  blockedByExisting,
  type CheckedResult,
  checkPastResult,
  writePastResult,
} from './imported-result.js';
import { type LoadedRubric, loadRubric } from './load-rubric.js';
import { pastRubric } from './record-assessment.js';
import { findRubricVersionByCode } from './rubric.repo.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_LISTED = 1000;

/** One accepted row ready to write. */
interface Accepted {
  row: number;
  org: { id: number; regCode: string; name: string; field: string | null; provinceId: number };
  year: number;
  rubric: LoadedRubric;
  result: CheckedResult;
  update: boolean;
}

/** Item codes of every rubric version (the optional score columns). */
async function allItemCodes(db: Kysely<DB>) {
  const rows = await db.selectFrom('rubric_item').select('code').distinct().execute();
  return rows.map((r) => r.code).sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
}

/** Checks every row against the registry, the rubrics and the results already stored (reads through `db`). */
async function prepare(ctx: Ctx, db: Kysely<DB>, rows: SheetRow[], columns: Map<number, { key: string }>) {
  const user = requireUser(ctx);
  const cell = (r: SheetRow, key: string) => {
    for (const [c, spec] of columns) if (spec.key === key) return r.cells[c];
    return undefined;
  };
  const codes = rows
    .map((r) => readCode(cell(r, 'regCode')))
    .map((c) => ('value' in c ? c.value : null))
    .filter((c): c is string => !!c);
  const orgs = new Map(
    (
      await db
        .selectFrom('organisation')
        .select(['id', 'reg_code', 'name', 'kind', 'field', 'province_id', 'commune_id'])
        .where('reg_code', 'in', codes.length ? codes : [''])
        .execute()
    ).map((o) => [o.reg_code, o]),
  );
  const rubrics = new Map<string, LoadedRubric>();
  const rubricFor = async (code: string | null, provinceId: number, year: number) => {
    const key = code ?? `auto:${provinceId}:${year}`;
    if (!rubrics.has(key)) {
      const byCode = code ? await findRubricVersionByCode(db, code) : null;
      if (code && !byCode) return null;
      rubrics.set(key, byCode ? await loadRubric(db, byCode.id) : await pastRubric(db, provinceId, year));
    }
    return rubrics.get(key)!;
  };
  const seen = new Set<string>();
  const accepted: Accepted[] = [];
  const rejected: { row: number; regCode: string | null; year: number | null; errors: FieldError[] }[] = [];
  const thisYear = new Date().getFullYear();
  for (const r of rows) {
    const errors: FieldError[] = [];
    const take = <T>(x: { value: T | null } | { error: string }, path: string) => {
      if ('error' in x) errors.push({ path, message: x.error });
      return 'value' in x ? x.value : null;
    };
    const regCode = take(readCode(cell(r, 'regCode')), 'regCode');
    const year = take(readNumber(cell(r, 'year'), 'Năm đánh giá'), 'year');
    const total = take(readNumber(cell(r, 'total'), 'Tổng điểm'), 'total');
    const band = take(readBand(cell(r, 'band')), 'band');
    const reason = take(readReason(cell(r, 'reason')), 'reason');
    const rubricCell = cell(r, 'rubric');
    const rubricCode =
      rubricCell === undefined || rubricCell === null ? null : String(rubricCell).trim() || null;
    const scores: { code: string; score: number }[] = [];
    for (const [, spec] of columns) {
      if (!spec.key.startsWith('score:')) continue;
      const code = spec.key.slice(6);
      const s = take(readNumber(cell(r, spec.key), `Điểm tiêu chí ${code}`), `scores.${code}`);
      if (s !== null) scores.push({ code, score: s });
    }
    const org = regCode ? orgs.get(regCode) : undefined;
    if (!regCode) errors.push({ path: 'regCode', message: 'Thiếu mã số HTX.' });
    else if (
      !org ||
      !inOrgScope(user, { id: org.id, provinceId: org.province_id, communeId: org.commune_id })
    ) {
      errors.push({
        path: 'regCode',
        message: `Không tìm thấy tổ chức có mã số ${regCode} trong phạm vi của bạn.`,
      });
    } else if (org.kind === 'THT')
      errors.push({ path: 'regCode', message: 'Tổ hợp tác không thuộc diện đánh giá, xếp loại hợp tác xã.' });
    if (year === null) errors.push({ path: 'year', message: 'Thiếu năm đánh giá.' });
    else if (!Number.isInteger(year) || year < 2000 || year > thisYear)
      errors.push({ path: 'year', message: `Năm đánh giá phải từ 2000 đến ${thisYear}.` });
    const key = `${regCode}|${year}`;
    if (regCode && year !== null && seen.has(key))
      errors.push({ path: 'regCode', message: `Mã số ${regCode} năm ${year} lặp lại trong tệp.` });
    seen.add(key);
    if (errors.length === 0 && org && year !== null) {
      const rubric = await rubricFor(rubricCode, org.province_id, year);
      if (!rubric) errors.push({ path: 'rubric', message: `Không có bộ tiêu chí mã "${rubricCode}".` });
      const existing = await repo.findResult(db, org.id, year);
      const blocked = blockedByExisting(existing, year);
      if (blocked) errors.push({ path: 'year', message: blocked });
      if (rubric && !blocked) {
        const c = checkPastResult(rubric, { total, band, reason, scores });
        if ('errors' in c) errors.push(...c.errors);
        else
          accepted.push({
            row: r.row,
            org: {
              id: org.id,
              regCode: org.reg_code,
              name: org.name,
              field: org.field,
              provinceId: org.province_id,
            },
            year,
            rubric,
            result: c.ok,
            update: !!existing,
          });
      }
    }
    if (errors.length) rejected.push({ row: r.row, regCode, year, errors });
  }
  return { accepted, rejected };
}

/** Runs the import of an uploaded .xlsx: a dry run by default, the commit when `commit` is true. */
export async function importAssessments(ctx: Ctx, input: { attachmentId: number; commit: boolean }) {
  const file = await downloadAttachment(ctx, input.attachmentId);
  if (file.contentType !== XLSX)
    throw new AppError(400, 'assessment_import.not_xlsx', 'Tệp nhập phải là bảng tính Excel (.xlsx).');
  const specs = importColumns(await allItemCodes(ctx.db));
  const sheet = await readSheet(new Uint8Array(file.bytes), specs);
  const summarise = (p: Awaited<ReturnType<typeof prepare>>, written: boolean) => ({
    committed: written,
    fileName: file.fileName,
    sheetName: sheet.sheetName,
    ignoredColumns: sheet.header.ignored,
    totalRows: sheet.rows.length,
    acceptedRows: p.accepted.length,
    rejectedRows: p.rejected.length,
    inserts: p.accepted.filter((a) => !a.update).length,
    updates: p.accepted.filter((a) => a.update).length,
    rejected: p.rejected.slice(0, MAX_LISTED),
    accepted: p.accepted.slice(0, MAX_LISTED).map((a) => ({
      row: a.row,
      organisationId: a.org.id,
      regCode: a.org.regCode,
      name: a.org.name,
      year: a.year,
      rubricCode: a.rubric.def.code,
      total: a.result.total,
      band: a.result.band,
      notClassifiedReason: a.result.reason,
      update: a.update,
    })),
  });
  if (!input.commit) return summarise(await prepare(ctx, ctx.db, sheet.rows, sheet.header.columns), false);
  const userId = requireUser(ctx).id;
  return ctx.db.transaction().execute(async (trx) => {
    const p = await prepare(ctx, trx, sheet.rows, sheet.header.columns);
    for (const a of p.accepted)
      await writePastResult(
        trx,
        { organisationId: a.org.id, field: a.org.field },
        a.year,
        a.rubric,
        a.result,
        userId,
      );
    const provinces = [...new Set(p.accepted.map((a) => a.org.provinceId))];
    await recordAudit(trx, ctx, {
      action: 'assessment.import',
      entityType: 'assessment_import',
      entityId: input.attachmentId,
      after: {
        fileName: file.fileName,
        accepted: p.accepted.length,
        rejected: p.rejected.length,
        years: [...new Set(p.accepted.map((a) => a.year))].sort(),
      },
      provinceId: provinces.length === 1 ? provinces[0] : null,
    });
    return summarise(p, true);
  });
}
