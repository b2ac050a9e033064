/**
 * The yearly report's workflow as data: which action moves a report from which status to which, which
 * statuses may be edited, and which figures must be present before it can be submitted. Pure: the
 * server enforces it, the web app uses it to show the buttons and the missing fields.
 */
import type { OrganisationKind, ReportStatus } from './enums.js';
import { REPORT_FIELD_BY_KEY, type ReportFigures } from './report-fields.js';

/** The actions that move a report between statuses. */
export const REPORT_ACTIONS = ['submit', 'return', 'approve', 'reopen'] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/**
 * The transition table. Anything not listed is illegal: an approved report is only ever reopened (by a
 * province role, with a reason), a returned report goes back only through a new submission.
 */
export const REPORT_TRANSITIONS: Readonly<
  Record<ReportStatus, Readonly<Partial<Record<ReportAction, ReportStatus>>>>
> = {
  draft: { submit: 'submitted' },
  returned: { submit: 'submitted' },
  submitted: { return: 'returned', approve: 'approved' },
  approved: { reopen: 'draft' },
};

/** The status an action leads to from a status, or null when the transition is illegal. */
export function nextReportStatus(from: ReportStatus, action: ReportAction): ReportStatus | null {
  return REPORT_TRANSITIONS[from]?.[action] ?? null;
}

/** The actions allowed from a status (whoever the caller is). */
export function allowedReportActions(from: ReportStatus): ReportAction[] {
  return REPORT_ACTIONS.filter((a) => nextReportStatus(from, a) !== null);
}

/** Figures may be saved only while the organisation still holds the report. */
export const EDITABLE_REPORT_STATUSES: readonly ReportStatus[] = ['draft', 'returned'];

/** True when a report in this status may be edited. */
export function isReportEditable(status: ReportStatus): boolean {
  return EDITABLE_REPORT_STATUSES.includes(status);
}

/** A requirement for submission: every key given, or (anyOf) at least one of them given. */
export interface RequiredFigure {
  keys: readonly string[];
  anyOf: boolean;
}

const all = (key: string): RequiredFigure => ({ keys: [key], anyOf: false });
const BASE_REQUIRED: readonly RequiredFigure[] = [
  { keys: ['memberOfficialIndividual', 'memberOfficialHousehold', 'memberOfficialLegal'], anyOf: true },
  all('workerTotal'),
  all('revenueTotal'),
  all('profitBeforeTax'),
  all('charterCapital'),
];

/** Figures that must be given before submission, per kind (today the same list for every kind). */
export const REQUIRED_FIGURES: Readonly<Record<OrganisationKind, readonly RequiredFigure[]>> = {
  THT: BASE_REQUIRED,
  HTX: BASE_REQUIRED,
  LHHTX: BASE_REQUIRED,
};

const given = (v: unknown) => v !== null && v !== undefined && v !== '';

/** One unmet requirement with a Vietnamese explanation. */
export interface MissingFigure {
  keys: string[];
  message: string;
}

/** The requirements a set of figures does not meet yet; empty when the report can be submitted. */
export function missingRequiredFigures(kind: OrganisationKind, figures: ReportFigures): MissingFigure[] {
  const out: MissingFigure[] = [];
  for (const req of REQUIRED_FIGURES[kind]) {
    const present = req.keys.filter((k) => given(figures[k]));
    const ok = req.anyOf ? present.length > 0 : present.length === req.keys.length;
    if (ok) continue;
    const labels = req.keys.map((k) => `"${REPORT_FIELD_BY_KEY.get(k)?.vi ?? k}"`);
    out.push({
      keys: req.anyOf ? [...req.keys] : req.keys.filter((k) => !given(figures[k])),
      message: req.anyOf
        ? `Cần nhập ít nhất một trong các chỉ tiêu: ${labels.join(', ')}.`
        : `Cần nhập chỉ tiêu ${labels.join(', ')} trước khi gửi báo cáo.`,
    });
  }
  return out;
}
