import { fc } from '@fast-check/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AGRI_SUBTYPES,
  FIELDS,
  LEGAL_STATUSES,
  NEW_MODELS,
  type OrganisationKind,
} from '../../../core/registry/enums.js';
import { ZOrganisationInput } from '../../../core/registry/organisation-input.js';
import { fieldFromVsic } from '../../../core/registry/vsic.js';
import { organisationNameKey } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import type { OrgInput } from './org-classify.js';
import { prepareOrganisations } from './org-prepare.js';
import { writeOrganisations } from './org-write.js';
import { readSheet } from './read-sheet.js';
import { download, dryRun } from './registry-io.test-support.js';
import { unitLookups } from './unit-lookups.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let ctx: Ctx;
let communes: { id: number; provinceId: number }[];
let oldCommunes: number[];

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  const me = await h.database.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'pofficer')
    .executeTakeFirstOrThrow();
  ctx = {
    ...h.deps,
    requestId: 'prop',
    ip: null,
    user: {
      id: me.id,
      username: 'pofficer',
      fullName: 'p',
      role: 'province_officer',
      scope: {
        type: 'province',
        unitId: u.langSon,
        provinceId: u.langSon,
        communeId: null,
        organisationId: null,
      },
    },
  } as Ctx;
  communes = (
    await h.database.db
      .selectFrom('admin_unit')
      .select(['id', 'parent_id'])
      .where('parent_id', '=', u.langSon)
      .where('era', '=', 'post2025')
      .execute()
  ).map((c) => ({ id: c.id, provinceId: c.parent_id! }));
  const units = await unitLookups(h.database.db);
  // Pre-2025 communes that their own code finds again (a code reused by a unit ended in 2023 would not).
  oldCommunes = [...units.pre2025ByCode.values()].filter((id) => units.pre2025CodeById.has(id)).slice(0, 400);
});
afterAll(() => h.close());

const SYLLABLES = [
  'Hợp',
  'tác',
  'xã',
  'Nông',
  'nghiệp',
  'Đồng',
  'Đăng',
  'Chè',
  'Quế',
  'Hồi',
  'Bắc',
  'Sơn',
  'Lộc',
  'Bình',
  'Thủy',
  'sản',
  'dịch',
  'vụ',
  'Ánh',
  'Dương',
  'Ữ',
  'Kỳ',
  'Lừa',
  '&',
  '"Xanh"',
  "O'Hara",
  '1',
  '2025',
];
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...SYLLABLES), { minLength: min, maxLength: max }).map((w) => w.join(' '));
/** Text that might start with a character a spreadsheet reads as a formula. */
const risky = (min: number, max: number) =>
  fc.tuple(fc.constantFrom('', '', '=', '+', '-', '@'), words(min, max)).map(([p, w]) => p + w);
const orNull = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const isoDay = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const VSIC = ['0111', '0150', '0322', '0893', '1010', '4669', '6419', '9609'];

function organisation(n: number) {
  return fc
    .record({
      kind: fc.constantFrom<OrganisationKind>('THT', 'HTX', 'LHHTX'),
      dependent: fc.boolean(),
      name: risky(2, 7).filter((s) => s.replace(/^[=+\-@]/, '').length >= 3),
      shortName: orNull(words(1, 2)),
      commune: fc.constantFrom(...communes),
      oldCommune: orNull(fc.constantFrom(...oldCommunes)),
      address: orNull(risky(1, 6)),
      phone: orNull(fc.constantFrom('+84 205 3812 345', '0912.345.678', '(0205) 381 2345', '0912345678')),
      email: orNull(fc.constantFrom('htx@example.vn', 'lien.he@htx-dongdang.vn')),
      foundedOn: orNull(isoDay),
      registeredOn: orNull(isoDay),
      authority: orNull(words(2, 5)),
      capital: orNull(
        fc
          .oneof(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }))
          .map(String),
      ),
      rep: orNull(risky(2, 4)),
      repTitle: orNull(words(1, 3)),
      vsic: orNull(fc.constantFrom(...VSIC)),
      field: fc.constantFrom(...FIELDS.map((f) => f.value)),
      agri: fc.constantFrom(...AGRI_SUBTYPES.map((f) => f.value)),
      newModel: orNull(fc.constantFrom(...NEW_MODELS.map((f) => f.value))),
      governance: fc.constantFrom('full', 'reduced', null),
      statusPick: fc.nat(),
      creditFund: fc.boolean(),
      paperOnly: fc.boolean(),
    })
    .map((g): OrgInput => {
      const field = g.vsic ? fieldFromVsic(g.vsic)! : g.field;
      const statuses = LEGAL_STATUSES.filter((s) => (s.kinds as readonly string[]).includes(g.kind));
      return ZOrganisationInput.parse({
        kind: g.kind,
        creditFund: g.creditFund,
        regCode: `48${String(n).padStart(8, '0')}${g.dependent ? '-001' : ''}`,
        name: g.name,
        shortName: g.shortName,
        communeId: g.commune.id,
        pre2025CommuneId: g.oldCommune,
        address: g.address,
        phone: g.phone,
        email: g.email,
        foundedOn: g.foundedOn,
        registeredOn: g.registeredOn,
        registeringAuthority: g.authority,
        charterCapital: g.capital,
        legalRepName: g.rep,
        legalRepTitle: g.repTitle,
        vsicCode: g.vsic,
        field,
        agriSubtype: field === 'agriculture' ? g.agri : null,
        newModel: g.newModel,
        governance: g.kind === 'THT' && g.governance === 'reduced' ? 'full' : g.governance,
        legalStatus: statuses[g.statusPick % statuses.length].value,
        paperOnly: g.paperOnly,
      });
    });
}

const TAKEN = ['nong nghiep dong dang', 'dich vu hoa binh', 'nong nghiep yen mo'];
const norm = (o: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(ZOrganisationInput.shape).map((k) => [k, o[k] ?? null]));
let serial = 0;

describe('export → import round trip (property)', () => {
  it('for random valid organisations, the export imports with no insert and no update, reading back the same values', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((k) => fc.tuple(...Array.from({ length: k }, () => organisation(++serial)))),
        async (orgs) => {
          const codes = orgs.map((o) => o.regCode);
          fc.pre(new Set(codes).size === codes.length);
          // The registry refuses two live organisations of one name (Luật HTX 2023 Art. 50; NĐ 92/2024 Art. 17).
          const names = orgs.map((o) => organisationNameKey(o.name));
          fc.pre(new Set(names).size === names.length && !names.some((n) => TAKEN.includes(n)));
          await h.database.db.transaction().execute((trx) =>
            writeOrganisations(
              trx,
              orgs.map((data) => ({
                id: null,
                data,
                provinceId: communes.find((c) => c.id === data.communeId)!.provinceId,
              })),
              [],
            ),
          );
          try {
            // The export searches as the list does: a registration-code prefix counts from 3 digits.
            const exported = await download(h, officer, '/api/registry/exports/organisations?q=480');
            const sheet = await readSheet(exported.bytes, ORGANISATION_COLUMNS);
            const prepared = await prepareOrganisations(ctx, sheet);
            for (const o of orgs) {
              const d = prepared.drafts.find((x) => x.regCode === o.regCode)!;
              expect(d.issues).toEqual([]);
              expect(norm(ZOrganisationInput.parse({ ...d.provided, regCode: d.regCode }))).toEqual(norm(o));
            }
            const r = await dryRun(officer, 'organisations', exported.bytes);
            expect(r.body.totals).toMatchObject({
              rows: orgs.length,
              insert: 0,
              update: 0,
              invalid: 0,
              unchanged: orgs.length,
            });
          } finally {
            const ids = h.database.db.selectFrom('organisation').select('id').where('reg_code', 'in', codes);
            await h.database.db
              .deleteFrom('organisation_event')
              .where('organisation_id', 'in', ids)
              .execute();
            await h.database.db.deleteFrom('organisation').where('reg_code', 'in', codes).execute();
          }
        },
      ),
      { numRuns: 12, endOnFailure: true },
    );
  });
});
