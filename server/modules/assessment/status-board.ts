/**
 * The status board of a campaign year for any unit: who has submitted, on time or late against the deadline,
 * who was returned, reviewed, confirmed; completeness % (submitted / expected) and timeliness % (on time / submitted),
 * overall and per commune of today.
 */
import { sql } from 'kysely';
import { NOT_CLASSIFIED_LABELS, STATUS_LABELS } from '../../../core/assessment/labels.js';
import type { NotClassifiedReason } from '../../../core/assessment/types.js';
import { compareVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { resolveReportUnit, vietnamDay } from './unit-scope.js';

interface BoardRow {
  id: number;
  name: string;
  reg_code: string;
  commune_id: number;
  commune_name: string;
  status: string | null;
  reason: string | null;
  imported: boolean | null;
  submitted_at: Date | null;
  reviewed_at: Date | null;
  confirmed_at: Date | null;
  campaign_id: number | null;
  self_deadline: string | null;
  commune_deadline: string | null;
  province_deadline: string | null;
}

const STATE_LABELS: Record<string, string> = {
  ...STATUS_LABELS,
  excluded: 'Không thuộc diện xếp loại',
  not_started: 'Chưa mở phiếu',
  no_campaign: 'Tỉnh chưa mở đợt đánh giá',
  imported: 'Kết quả nhập từ năm cũ',
};

const pct = (a: number, b: number) => (b === 0 ? null : Math.round((a * 1000) / b) / 10);
const onOrBefore = (at: Date | null, deadline: string | null) =>
  at && deadline ? (vietnamDay(at) as string) <= deadline : null;

function tally(items: ReturnType<typeof toItem>[]) {
  const t = {
    organisations: items.length,
    expected: 0,
    submitted: 0,
    onTime: 0,
    late: 0,
    overdue: 0,
    notSubmitted: 0,
    returned: 0,
    awaitingReview: 0,
    reviewed: 0,
    confirmed: 0,
    excluded: 0,
    noCampaign: 0,
    completenessPct: null as number | null,
    timelinessPct: null as number | null,
  };
  for (const i of items) {
    if (i.state === 'excluded') t.excluded++;
    else if (i.state === 'no_campaign' || i.state === 'imported') t.noCampaign++;
    else {
      t.expected++;
      if (i.submittedAt) {
        t.submitted++;
        if (i.onTime) t.onTime++;
        else t.late++;
      } else {
        t.notSubmitted++;
        if (i.overdue) t.overdue++;
      }
      if (i.state === 'returned') t.returned++;
      if (i.state === 'self_submitted') t.awaitingReview++;
      if (i.state === 'commune_reviewed') t.reviewed++;
      if (i.state === 'confirmed' || i.state === 'published') t.confirmed++;
    }
  }
  t.completenessPct = pct(t.submitted, t.expected);
  t.timelinessPct = pct(t.onTime, t.submitted);
  return t;
}

function toItem(r: BoardRow, today: string) {
  const state = r.reason
    ? 'excluded'
    : r.imported
      ? 'imported'
      : (r.status ?? (r.campaign_id ? 'not_started' : 'no_campaign'));
  return {
    organisationId: r.id,
    name: r.name,
    regCode: r.reg_code,
    communeId: r.commune_id,
    communeName: r.commune_name,
    state,
    stateLabel: STATE_LABELS[state] ?? state,
    notClassifiedReason: r.reason,
    notClassifiedLabel: r.reason ? NOT_CLASSIFIED_LABELS[r.reason as NotClassifiedReason] : null,
    selfDeadline: r.self_deadline,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    onTime: onOrBefore(r.submitted_at, r.self_deadline),
    overdue: !r.submitted_at && !r.reason && r.self_deadline !== null && today > r.self_deadline,
    reviewedOnTime: onOrBefore(r.reviewed_at, r.commune_deadline),
    confirmedOnTime: onOrBefore(r.confirmed_at, r.province_deadline),
  };
}

/** The board of a unit (any level, either era) and year. */
export async function statusBoard(ctx: Ctx, q: { unitId: number; year: number }) {
  const f = await resolveReportUnit(ctx, q.unitId);
  const y = q.year;
  const rows =
    await sql<BoardRow>`select o.id, o.name, o.reg_code, o.commune_id, cu.full_name as commune_name, a.status,
      a.not_classified_reason as reason, a.imported, a.submitted_at, a.reviewed_at, a.confirmed_at,
      coalesce(a.campaign_id, k.id) as campaign_id, k2.self_deadline, k2.commune_deadline, k2.province_deadline
    from organisation o
    join admin_unit cu on cu.id = o.commune_id
    left join assessment_result a on a.organisation_id = o.id and a.year = ${y}
    left join assessment_campaign k on k.province_id = o.province_id and k.year = ${y}
    left join assessment_campaign k2 on k2.id = coalesce(a.campaign_id, k.id)
    where ${f.where} and o.kind in ('HTX', 'LHHTX')
      and (o.founded_on is null or o.founded_on <= ${`${y}-12-31`}) and (o.ended_on is null or o.ended_on >= ${`${y}-01-01`})
      and (a.id is not null or (o.legal_status not in ('dissolved', 'terminated')))`.execute(ctx.db);
  const today = todayInVietnam();
  const items = rows.rows
    .map((r) => toItem(r, today))
    .sort((a, b) => compareVietnamese(a.communeName, b.communeName) || compareVietnamese(a.name, b.name));
  const byCommune = new Map<number, typeof items>();
  for (const i of items) {
    const list = byCommune.get(i.communeId) ?? [];
    list.push(i);
    byCommune.set(i.communeId, list);
  }
  return {
    unit: f.unit,
    year: y,
    approximate: f.approximate,
    totals: tally(items),
    communes: [...byCommune.values()].map((list) => ({
      communeId: list[0].communeId,
      communeName: list[0].communeName,
      ...tally(list),
    })),
    items,
  };
}
