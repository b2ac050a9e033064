/**
 * One rule for "this organisation may already be registered", used when an organisation is created (form and
 * POST) and when a file is imported: the same name (legal-form prefix, case and diacritics ignored) in the same
 * commune, or the same legal representative (case and diacritics ignored) in the same province, within the
 * caller's scope. The SQL side is organisation-search.repo.ts matchDuplicates; the keys below group the rows of
 * one file among themselves by the same rule.
 */
import { organisationNameKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { orgScopeFilter } from '../auth/scope.js';
import { type DuplicateSubject, matchDuplicates } from './organisation-search.repo.js';

/** An organisation being entered, as typed. */
export interface DuplicateInput {
  name?: string | null;
  communeId?: number | null;
  provinceId?: number | null;
  legalRepName?: string | null;
}

/** The representative as compared: trimmed and single-spaced (then folded by hoptac_fold in SQL). */
const cleanRep = (s: string) => s.trim().replace(/\s+/g, ' ');

/** What the rule compares of an organisation being entered. */
export function duplicateSubject(input: DuplicateInput): DuplicateSubject {
  return {
    nameKey: (input.name && organisationNameKey(input.name)) || undefined,
    communeId: input.communeId ?? undefined,
    legalRep: (input.legalRepName && cleanRep(input.legalRepName)) || undefined,
    provinceId: input.provinceId ?? undefined,
  };
}

/**
 * The keys under which two subjects are possible duplicates of each other: same name key in the same commune,
 * same representative in the same province. The representative is folded as hoptac_fold does (lower case, no
 * diacritics, đ → d).
 */
export function duplicateKeys(s: DuplicateSubject): { name?: string; rep?: string } {
  const fold = (v: string) =>
    v
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
  return {
    name: s.nameKey && s.communeId !== undefined ? `${s.communeId}|${s.nameKey}` : undefined,
    rep: s.legalRep && s.provinceId !== undefined ? `${s.provinceId}|${fold(s.legalRep)}` : undefined,
  };
}

/**
 * The organisations in the caller's scope that may be the same as each subject (the rows of an import file), in
 * one statement: for subject i, `matches[i]` with why (name, representative or both).
 */
export async function findDuplicatesOfMany(ctx: Ctx, subjects: DuplicateSubject[]) {
  const rows = await matchDuplicates(ctx.db, { scope: orgScopeFilter(ctx), subjects });
  const matches: (typeof rows)[] = subjects.map(() => []);
  for (const r of rows) matches[r.subject].push(r);
  return matches;
}
