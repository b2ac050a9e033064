/**
 * The dry run looks each distinct name and representative of a file up once (findDuplicatesByKey) instead of once
 * per row: for every row it must find exactly the organisations that the entry form's rule (matchDuplicates)
 * finds for that row alone, in the same order, in every scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx, SessionUser } from '../../context.js';
import { createHarness, type Harness, insertOrganisation, standardUsers } from '../../test/harness.js';
import { orgScopeFilter } from '../auth/scope.js';
import { matchDuplicates } from '../organisation/organisation-search.repo.js';
import {
  duplicateSubject,
  findDuplicatesByKey,
  nameLookupKey,
  repLookupKey,
} from '../organisation/possible-duplicates.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;

const NAMES = ['Hợp tác xã Chè Tân Cương', 'THT Chè Tân Cương', 'Hợp tác xã Vận tải Hữu Nghị', 'HTX Mây tre'];
const REPS = ['Nguyễn Văn An', 'nguyễn  văn an', 'NGUYEN VAN AN', 'Hoàng Văn Thụ', 'Đinh Thị Tư', null];

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  // Stored organisations spread over two communes of the province and one of another, sharing names and
  // representatives (written in different ways), so that one row matches by name, by representative, or both.
  const communes = [u.dongDang, u.sibling, u.otherCommune];
  for (let i = 0; i < 24; i++) {
    const id = await insertOrganisation(h, {
      regCode: `49055500${String(i).padStart(2, '0')}`,
      name: NAMES[i % NAMES.length],
      communeId: communes[i % communes.length],
      kind: i % 2 ? 'THT' : 'HTX',
    });
    await h.database.db
      .updateTable('organisation')
      .set({ legal_rep_name: REPS[i % REPS.length] })
      .where('id', '=', id)
      .execute();
  }
});
afterAll(() => h.close());

async function provinceOf(communeId: number) {
  const r = await h.database.db
    .selectFrom('admin_unit')
    .select('parent_id')
    .where('id', '=', communeId)
    .executeTakeFirstOrThrow();
  return r.parent_id!;
}

const ctxAs = (scope: SessionUser['scope']): Ctx => ({
  ...h.deps,
  user: { id: 1, role: 'national', scope } as SessionUser,
  requestId: 'test',
  ip: null,
});

describe('findDuplicatesByKey: the entry form rule, one lookup per distinct key', () => {
  it('finds for every row of a mixed file what matchDuplicates finds for that row alone', async () => {
    // Rows: every name with every representative, in each commune (many rows share a key, some share a fold).
    const subjects = [];
    for (const communeId of [u.dongDang, u.sibling, u.otherCommune]) {
      const provinceId = await provinceOf(communeId);
      for (const name of [...NAMES, 'Hợp tác xã Không Trùng'])
        for (const rep of REPS)
          subjects.push(duplicateSubject({ name, communeId, provinceId, legalRepName: rep }));
    }
    const scopes: SessionUser['scope'][] = [
      { type: 'nation', unitId: null, provinceId: null, communeId: null, organisationId: null },
      { type: 'province', unitId: u.langSon, provinceId: u.langSon, communeId: null, organisationId: null },
      {
        type: 'commune',
        unitId: u.dongDang,
        provinceId: u.langSon,
        communeId: u.dongDang,
        organisationId: null,
      },
    ];
    let byName = 0;
    let byRep = 0;
    for (const scope of scopes) {
      const ctx = ctxAs(scope);
      const found = await findDuplicatesByKey(ctx, subjects);
      for (const s of subjects) {
        const one = await matchDuplicates(ctx.db, { scope: orgScopeFilter(ctx), subjects: [s] });
        const ids = (m: { id: number }[] | undefined) => (m ?? []).map((x) => x.id);
        const n = nameLookupKey(s);
        const r = repLookupKey(s);
        expect(n ? ids(found.byName.get(n)) : []).toEqual(one.filter((x) => x.name_match).map((x) => x.id));
        expect(r ? ids(found.byRep.get(r)) : []).toEqual(one.filter((x) => x.rep_match).map((x) => x.id));
        byName += one.filter((x) => x.name_match).length;
        byRep += one.filter((x) => x.rep_match).length;
      }
    }
    // The fixture exercises both halves of the rule.
    expect(byName).toBeGreaterThan(0);
    expect(byRep).toBeGreaterThan(0);
  });
});
