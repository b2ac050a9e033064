import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import type { ImportHandler } from './import-types.js';
import { classifyOrganisations, type OrgWrite } from './org-classify.js';
import { findPossibleDuplicates } from './org-duplicates.js';
import { type OrgPrepared, prepareOrganisations } from './org-prepare.js';
import { organisationStamp } from './org-stamp.js';
import { writeOrganisations } from './org-write.js';

/** Import of organisations, upserted by registration code. */
export const organisationImport: ImportHandler<OrgPrepared, OrgWrite> = {
  kind: 'organisations',
  columns: ORGANISATION_COLUMNS,
  prepare: prepareOrganisations,
  classify: classifyOrganisations,
  write: (trx, ctx, c) => writeOrganisations(trx, c.inserts, c.updates, ctx.user?.id ?? null),
  duplicates: (ctx, p) => findPossibleDuplicates(ctx, p),
  stamp: organisationStamp,
};
