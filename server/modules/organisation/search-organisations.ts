import { normaliseRegistrationCode } from '../../../core/registry/registration-code.js';
import { foldVietnamese, fuzzyContains, legalFormKind, organisationNameKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { cachedRead } from '../../db/read-cache.js';
import { invalid } from '../../http/problem.js';
import { communeTerritory } from '../admin-unit/admin-unit.service.js';
import { orgScopeFilter } from '../auth/scope.js';
import * as repo from './organisation-search.repo.js';
import { duplicateSubject } from './possible-duplicates.js';

/** The filters of the organisation list, as the route parsed them. */
export interface SearchOrganisationsInput {
  q?: string;
  kind?: string;
  legalStatus?: string;
  field?: string;
  /** Agricultural subtype (not a filter of the list page; the exports take it). */
  agriSubtype?: string;
  newModel?: string;
  paperOnly?: boolean;
  unitId?: number;
  year?: number;
  /** Rating band of an assessment year (`none`: no band decided that year). */
  band?: repo.BandFilter['band'];
  /** The assessment year of `band`; the latest year with a decided assessment in scope when absent. */
  bandYear?: number;
  sort?: repo.SearchQuery['sort'];
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/**
 * Turns the search box into folded terms: name words without the legal-form prefix ("htx dong tien",
 * "HTX Đồng Tiến" and "dong tien" all give "dong tien"), the short-name key, and a code prefix when the box
 * holds digits. Typo tolerance only from 4 letters, below which one edit turns any word into many others.
 */
export function searchTerms(q: string): repo.TextFilter | undefined {
  const folded = foldVietnamese(q);
  if (!folded) return undefined;
  const key = organisationNameKey(q);
  const code = normaliseRegistrationCode(q.trim());
  return {
    key,
    words: key ? key.split(' ') : [],
    fuzzy: key.replace(/ /g, '').length >= 4,
    fuzzyIds: [],
    shortKey: folded,
    codePrefix: /^\d{3,10}(-\d{0,3})?$/.test(code) ? code : null,
  };
}

/** Typo candidates considered per search: enough for a name box, bounded whatever the table size. */
const FUZZY_CANDIDATES = 500;

/** A row of the list as the API returns it. */
function toItem(r: Awaited<ReturnType<typeof repo.searchOrganisations>>['rows'][number]) {
  return {
    id: r.id,
    kind: r.kind,
    regCode: r.reg_code,
    name: r.name,
    shortName: r.short_name,
    communeId: r.commune_id,
    communeName: r.commune_name,
    provinceId: r.province_id,
    provinceName: r.province_name,
    legalStatus: r.legal_status,
    field: r.field,
    newModel: r.new_model,
    foundedOn: r.founded_on,
    paperOnly: r.paper_only,
    demo: r.demo,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** Assessment statuses whose band is the authority's decision; a cooperative sees its band once published. */
function decidedStatuses(ctx: Ctx): readonly string[] {
  return ctx.user?.scope.type === 'organisation' ? ['published'] : ['confirmed', 'published'];
}

/** The rating-band filter, its year defaulting to the latest year with a decided assessment in scope. */
async function bandFilter(
  ctx: Ctx,
  scope: repo.ScopeFilter,
  input: Pick<SearchOrganisationsInput, 'band' | 'bandYear'>,
): Promise<repo.BandFilter | undefined> {
  if (!input.band) return undefined;
  const statuses = decidedStatuses(ctx);
  const year = input.bandYear ?? (await repo.latestAssessmentYear(ctx.db, scope, statuses));
  return { band: input.band, year, statuses };
}

/**
 * Lists organisations in the caller's scope: one search box, filters, sort and page, all in the database.
 * `unitId` may be a province or commune of today or a unit before 1/7/2025; an old unit is matched by the
 * organisation's recorded old commune, else by the lineage of its commune of today, and `approximate` says
 * when that lineage covered a commune split across the old boundary. With a rating band, `bandYear` says which
 * assessment year was filtered on. `sort` is the order the rows are in.
 */
export function searchOrganisations(ctx: Ctx, input: SearchOrganisationsInput) {
  return cachedRead(ctx, 'organisations', input, () => search(ctx, input));
}

async function search(ctx: Ctx, input: SearchOrganisationsInput) {
  const query = await listQuery(ctx, input, input.pageSize, (input.page - 1) * input.pageSize);
  let result = await repo.searchOrganisations(ctx.db, query);
  if (await addTypoMatches(ctx, query, result.total, input.pageSize))
    result = await repo.searchOrganisations(ctx.db, query);
  const { rows, total, byLineage } = result;
  return {
    items: rows.map(toItem),
    total,
    approximate: byLineage > 0,
    ...(query.band ? { bandYear: query.band.year } : {}),
    // The order used: relevance only when words were searched (a box holding a legal form only lists by name).
    sort: query.sort,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** The list's query (scope, search box, filters, sort) for one window of rows. */
async function listQuery(
  ctx: Ctx,
  input: Omit<SearchOrganisationsInput, 'page' | 'pageSize'>,
  limit: number,
  offset: number,
): Promise<repo.SearchQuery> {
  // A box holding a legal form only ("tổ hợp tác", "htx") lists that kind: names are keyed without their legal form,
  // so as words it would match almost nothing. With another kind chosen, the words are searched as they are.
  const form = input.q ? legalFormKind(input.q) : undefined;
  const asKind = form !== undefined && (input.kind === undefined || input.kind === form);
  const text = input.q && !asKind ? searchTerms(input.q) : undefined;
  const scope = orgScopeFilter(ctx);
  const query: repo.SearchQuery = {
    scope,
    text,
    kind: asKind ? form : input.kind,
    legalStatus: input.legalStatus,
    field: input.field,
    agriSubtype: input.agriSubtype,
    newModel: input.newModel,
    paperOnly: input.paperOnly,
    year: input.year,
    band: await bandFilter(ctx, scope, input),
    sort: input.sort ?? (text ? 'relevance' : 'name'),
    order: input.order ?? 'asc',
    limit,
    offset,
  };
  if (input.unitId !== undefined) {
    const t = await communeTerritory(ctx.db, input.unitId);
    if (!t)
      throw invalid('unit.not_found', 'Đơn vị hành chính không tồn tại.', [
        { path: 'unitId', message: 'Không tồn tại.' },
      ]);
    if (t.era === 'post2025' && t.level === 1) query.provinceId = t.unitId;
    else if (t.era === 'post2025') query.communeId = t.unitId;
    else
      query.territory = {
        preCommuneIds: t.preCommuneIds,
        postCommuneIds: t.postCommuneIds,
        partialPostCommuneIds: t.partialPostCommuneIds,
      };
  }
  return query;
}

/**
 * One typo: when the exact matches do not fill a page, trigram candidates from the index are added to the query's
 * text filter if the name holds the query within one edit; true when some were. Only then, because the candidate
 * search is the costly part; the rule depends on the exact count and the page size only, so every page of one
 * search agrees (and an export of the list takes the same page size to select the same rows).
 */
async function addTypoMatches(ctx: Ctx, query: repo.SearchQuery, exactTotal: number, pageSize: number) {
  const text = query.text;
  if (!text?.fuzzy || exactTotal >= pageSize) return false;
  const candidates = await repo.fuzzyCandidates(ctx.db, query, text.key, FUZZY_CANDIDATES);
  text.fuzzyIds = candidates.filter((c) => fuzzyContains(c.name_key, text.key, 1)).map((c) => c.id);
  return text.fuzzyIds.length > 0;
}

/** The list's filters and sort, with the page size it is shown in (which decides its typo step), for an export. */
export type OrganisationListSelection = Omit<SearchOrganisationsInput, 'page' | 'pageSize'> & {
  pageSize?: number;
};

/** The page size of the list when none is given (the route's default). */
export const LIST_PAGE_SIZE = 20;

/**
 * Every organisation the list shows for the same filters, on all its pages and in its order: the same query
 * built by the same code, within the caller's scope, with the same typo step for the list's page size. The ids,
 * for an export to read its own columns. `max` caps the rows read (the total is exact).
 */
export async function listOrganisationIds(
  ctx: Ctx,
  input: OrganisationListSelection,
  max = 1_000_000,
): Promise<{ ids: number[]; total: number; bandYear?: number | null }> {
  const query = await listQuery(ctx, input, max, 0);
  let total = await repo.countFiltered(ctx.db, query);
  if (await addTypoMatches(ctx, query, total, input.pageSize ?? LIST_PAGE_SIZE))
    total = await repo.countFiltered(ctx.db, query);
  const ids = total === 0 ? [] : await repo.filteredIds(ctx.db, query);
  return { ids, total, ...(query.band ? { bandYear: query.band.year } : {}) };
}

/** Input of the duplicate check. */
export interface FindDuplicatesInput {
  name?: string;
  communeId?: number;
  legalRepName?: string;
  excludeId?: number;
}

/**
 * Possible duplicates of an organisation being entered: the same name (prefix, case and diacritics ignored)
 * in the same commune, or the same legal representative in the same province. Limited to the caller's scope.
 * The same rule as an import's dry run (possible-duplicates.ts).
 */
export async function findDuplicates(ctx: Ctx, input: FindDuplicatesInput) {
  let provinceId: number | undefined;
  if (input.communeId !== undefined) {
    const commune = await ctx.db
      .selectFrom('admin_unit')
      .select('province_id')
      .where('id', '=', input.communeId)
      .executeTakeFirst();
    provinceId = commune?.province_id ?? undefined;
  }
  const subject = duplicateSubject({ ...input, provinceId });
  if (!subject.nameKey && !subject.legalRep) {
    throw invalid(
      'organisation.duplicates_query',
      'Cần nhập tên tổ chức hoặc tên người đại diện để tìm tổ chức trùng.',
    );
  }
  const rows = await repo.findDuplicates(ctx.db, {
    scope: orgScopeFilter(ctx),
    ...subject,
    excludeId: input.excludeId,
    limit: 20,
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      regCode: r.reg_code,
      name: r.name,
      legalStatus: r.legal_status,
      legalRepName: r.legal_rep_name,
      communeId: r.commune_id,
      communeName: r.commune_name,
      reasons: [...(r.name_match ? ['name' as const] : []), ...(r.rep_match ? ['legal_rep' as const] : [])],
    })),
  };
}
