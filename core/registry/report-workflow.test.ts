import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES, type ReportStatus } from './enums.js';
import {
  allowedReportActions,
  isReportEditable,
  missingRequiredFigures,
  nextReportStatus,
  REPORT_ACTIONS,
  REPORT_TRANSITIONS,
} from './report-workflow.js';

const STATUSES = REPORT_STATUSES.map((s) => s.value) as ReportStatus[];

describe('nextReportStatus', () => {
  it('allows exactly the five legal transitions', () => {
    const legal: string[] = [];
    for (const from of STATUSES) {
      for (const action of REPORT_ACTIONS) {
        const to = nextReportStatus(from, action);
        if (to) legal.push(`${from} -${action}-> ${to}`);
      }
    }
    expect(legal.sort()).toEqual([
      'approved -reopen-> draft',
      'draft -submit-> submitted',
      'returned -submit-> submitted',
      'submitted -approve-> approved',
      'submitted -return-> returned',
    ]);
  });

  it('refuses approving a draft, returning an approved report and reopening a submitted one', () => {
    expect(nextReportStatus('draft', 'approve')).toBeNull();
    expect(nextReportStatus('approved', 'return')).toBeNull();
    expect(nextReportStatus('submitted', 'reopen')).toBeNull();
    expect(nextReportStatus('approved', 'submit')).toBeNull();
    expect(nextReportStatus('submitted', 'submit')).toBeNull();
  });

  it('every status of the enum has a row and every target is a known status', () => {
    expect(Object.keys(REPORT_TRANSITIONS).sort()).toEqual([...STATUSES].sort());
    for (const row of Object.values(REPORT_TRANSITIONS)) {
      for (const to of Object.values(row)) expect(STATUSES).toContain(to);
    }
  });

  it('allowedReportActions follows the table', () => {
    expect(allowedReportActions('submitted')).toEqual(['return', 'approve']);
    expect(allowedReportActions('approved')).toEqual(['reopen']);
  });
});

describe('isReportEditable', () => {
  it('only draft and returned reports are editable', () => {
    expect(STATUSES.filter(isReportEditable).sort()).toEqual(['draft', 'returned']);
  });
});

describe('missingRequiredFigures', () => {
  const complete = {
    memberOfficialHousehold: 12,
    workerTotal: 4,
    revenueTotal: 1_000_000,
    profitBeforeTax: -5_000,
    charterCapital: 500_000_000,
  };

  it('accepts a report with one kind of official members and the four required figures (profit may be negative)', () => {
    expect(missingRequiredFigures('HTX', complete)).toEqual([]);
  });

  it('names every missing figure and the official-member group when all three are missing', () => {
    const missing = missingRequiredFigures('THT', { workerTotal: 0 });
    expect(missing.flatMap((m) => m.keys)).toEqual([
      'memberOfficialIndividual',
      'memberOfficialHousehold',
      'memberOfficialLegal',
      'revenueTotal',
      'profitBeforeTax',
      'charterCapital',
    ]);
    expect(missing[0].message).toMatch(/ít nhất một/);
  });

  it('treats zero as given and null as missing', () => {
    expect(missingRequiredFigures('LHHTX', { ...complete, workerTotal: 0, revenueTotal: 0 })).toEqual([]);
    expect(
      missingRequiredFigures('LHHTX', { ...complete, charterCapital: null }).flatMap((m) => m.keys),
    ).toEqual(['charterCapital']);
  });
});
