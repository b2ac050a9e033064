/** Shapes of the assessment board, unit report, import and attachments (see assessment.responses.ts). */
import type { Band } from '../../../core/assessment/types';

/** A unit as the board and report name it. */
export interface ReportUnit {
  id: number;
  name: string;
  era: string;
  level: number;
}

/** Counts of the status board. */
export interface BoardTally {
  organisations: number;
  expected: number;
  submitted: number;
  onTime: number;
  late: number;
  overdue: number;
  notSubmitted: number;
  returned: number;
  awaitingReview: number;
  reviewed: number;
  confirmed: number;
  excluded: number;
  noCampaign: number;
  completenessPct: number | null;
  timelinessPct: number | null;
}

/** One organisation on the status board. */
export interface BoardItem {
  organisationId: number;
  name: string;
  regCode: string;
  communeId: number;
  communeName: string;
  state: string;
  stateLabel: string;
  notClassifiedReason: string | null;
  notClassifiedLabel: string | null;
  selfDeadline: string | null;
  submittedAt: string | null;
  onTime: boolean | null;
  overdue: boolean;
  reviewedOnTime: boolean | null;
  confirmedOnTime: boolean | null;
}

/** The status board of a unit and year. */
export interface Board {
  unit: ReportUnit;
  year: number;
  approximate: boolean;
  totals: BoardTally;
  communes: (BoardTally & { communeId: number; communeName: string })[];
  items: BoardItem[];
}

/** One row of the unit report's list. */
export interface UnitReportRow {
  organisationId: number;
  name: string;
  regCode: string;
  communeName: string;
  status: string;
  statusLabel: string;
  imported: boolean;
  rubricCode: string;
  selfTotal: number | null;
  total: number | null;
  band: Band | null;
  bandLabel: string | null;
  previousBand: Band | null;
  notClassifiedReason: string | null;
  notClassifiedLabel: string | null;
}

/** The report of a unit and year. */
export interface UnitReport {
  unit: ReportUnit;
  approximate: boolean;
  year: number;
  assessed: number;
  classified: number;
  inProgress: number;
  bands: { band: Band; label: string; count: number; sharePct: number | null }[];
  shareGoodOrFairPct: number | null;
  notClassified: { reason: string; label: string; count: number }[];
  notClassifiedTotal: number;
  movement: {
    keys: string[];
    matrix: Record<string, Record<string, number>>;
    improved: number;
    same: number;
    declined: number;
  };
  list: UnitReportRow[];
}

/** The outcome of a dry run or commit of the import. */
export interface AssessmentImportResult {
  committed: boolean;
  fileName: string;
  sheetName: string;
  ignoredColumns: string[];
  totalRows: number;
  acceptedRows: number;
  rejectedRows: number;
  inserts: number;
  updates: number;
  rejected: {
    row: number;
    regCode: string | null;
    year: number | null;
    errors: { path: string; message: string }[];
  }[];
  accepted: {
    row: number;
    organisationId: number;
    regCode: string;
    name: string;
    year: number;
    rubricCode: string;
    total: number | null;
    band: Band | null;
    notClassifiedReason: string | null;
    update: boolean;
  }[];
}

/** A file attached to an assessment item. */
export interface AttachmentInfo {
  id: number;
  ownerType: string;
  ownerId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}
