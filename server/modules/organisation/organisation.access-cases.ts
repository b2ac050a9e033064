/**
 * Access-matrix cases of the organisation routes (shape in server/test/access-cases.ts). Targets: own =
 * orgOwn (commune Đồng Đăng, the cooperative user's organisation), sibling = orgSibling (another commune
 * of Lạng Sơn), other and nation = orgOther (Ninh Bình; an organisation always lies in a province). Every
 * body is valid and repeatable, so that an allowed caller gets 2xx whatever ran before.
 */
import { organisationNameKey, vietnameseSortKey } from '../../../core/text.js';
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';
import { orgDb } from './organisation.db.js';

let seq = 0;
const next = () => ++seq;
/** Codes 8xxxxxxxxx: apart from the standard fixtures (49…, 27…) and the module tests (6…). */
const regCode = () => `8${String(process.pid % 1000).padStart(3, '0')}${String(next()).padStart(6, '0')}`;

/** The organisation a target stands for. */
export function targetOrganisation(target: MatrixTarget, fx: MatrixFixtures): number {
  return target === 'own' ? fx.orgOwn : target === 'sibling' ? fx.orgSibling : fx.orgOther;
}

const unions = new WeakMap<Harness, Map<number, number>>();

/** A union (LHHTX) in the same commune as the target organisation, created once per harness. */
async function unionBeside(h: Harness, orgId: number): Promise<number> {
  const byOrg = unions.get(h) ?? new Map<number, number>();
  unions.set(h, byOrg);
  const known = byOrg.get(orgId);
  if (known) return known;
  const db = orgDb(h.database.db);
  const org = await db
    .selectFrom('organisation')
    .select(['commune_id', 'province_id'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  const name = `Liên hiệp hợp tác xã Ma trận ${orgId}`;
  const r = await db
    .insertInto('organisation')
    .values({
      kind: 'LHHTX',
      reg_code: regCode(),
      name,
      name_key: organisationNameKey(name),
      name_sort: vietnameseSortKey(name),
      commune_id: org.commune_id,
      province_id: org.province_id,
      short_name: null,
      pre2025_commune_id: null,
      address: null,
      phone: null,
      email: null,
      founded_on: '2020-01-01',
      registered_on: null,
      registering_authority: null,
      charter_capital: null,
      legal_rep_name: null,
      legal_rep_title: null,
      vsic_code: null,
      field: null,
      agri_subtype: null,
      new_model: null,
      governance: null,
      status_changed_on: null,
      ended_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  byOrg.set(orgId, r.id);
  return r.id;
}

/** A pending registration change request on the target organisation. */
async function pendingRequest(h: Harness, orgId: number): Promise<number> {
  const requester = await h.database.db
    .selectFrom('app_user')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const r = await h.database.db
    .insertInto('registration_change_request')
    .values({
      organisation_id: orgId,
      requested_by: requester.id,
      changes: JSON.stringify({ changes: { address: `Thôn Ma Trận ${next()}` }, baseVersion: 1 }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export const organisationCases: MatrixCases = {
  'organisations.list': () => ({ method: 'GET', path: '/api/organisations?q=dong&sort=name' }),
  'organisations.duplicates': (_t, fx) => ({
    method: 'GET',
    path: `/api/organisations/duplicates?name=${encodeURIComponent('Hợp tác xã Nông nghiệp Đồng Đăng')}&communeId=${fx.dongDang}`,
  }),
  'organisations.create': (_t, fx) => {
    const n = next();
    return {
      method: 'POST',
      path: '/api/organisations',
      body: {
        kind: 'HTX',
        regCode: regCode(),
        name: `Hợp tác xã Ma trận quyền ${n}`,
        communeId: fx.dongDang,
        vsicCode: '0111',
        foundedOn: '2022-01-01',
      },
    };
  },
  'organisations.get': (t, fx) => ({
    method: 'GET',
    path: `/api/organisations/${targetOrganisation(t, fx)}`,
  }),
  'organisations.update': async (t, fx, h) => {
    const id = targetOrganisation(t, fx);
    const { version } = await h.database.db
      .selectFrom('organisation')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return {
      method: 'PATCH',
      path: `/api/organisations/${id}`,
      body: { changes: { phone: `0205 ${String(next()).padStart(6, '0')}` }, version },
    };
  },
  'organisations.history': (t, fx) => ({
    method: 'GET',
    path: `/api/organisations/${targetOrganisation(t, fx)}/history`,
  }),
  'organisations.events.create': (t, fx) => ({
    method: 'POST',
    path: `/api/organisations/${targetOrganisation(t, fx)}/events`,
    body: { kind: 'split', occurredOn: '2024-01-01', note: 'Kiểm thử ma trận quyền' },
  }),
  'organisations.products.create': (t, fx) => ({
    method: 'POST',
    path: `/api/organisations/${targetOrganisation(t, fx)}/products`,
    body: { kind: 'ocop', name: 'Sản phẩm ma trận', stars: 3 },
  }),
  'organisations.products.delete': async (t, fx, h) => {
    const id = targetOrganisation(t, fx);
    const p = await h.database.db
      .insertInto('organisation_product')
      .values({
        organisation_id: id,
        kind: 'trademark',
        name: 'Nhãn ma trận',
        stars: null,
        year: null,
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { method: 'DELETE', path: `/api/organisations/${id}/products/${p.id}` };
  },
  'organisations.union_members.add': async (t, fx, h) => {
    const member = targetOrganisation(t, fx);
    const union = await unionBeside(h, member);
    await h.database.db
      .updateTable('organisation_union_member')
      .set({ left_on: '2024-01-01' })
      .where('union_id', '=', union)
      .where('member_id', '=', member)
      .where('left_on', 'is', null)
      .execute();
    return {
      method: 'POST',
      path: `/api/organisations/${union}/union-members`,
      body: { memberId: member, joinedOn: '2024-02-01' },
    };
  },
  'organisations.union_members.remove': async (t, fx, h) => {
    const member = targetOrganisation(t, fx);
    const union = await unionBeside(h, member);
    await h.database.db
      .insertInto('organisation_union_member')
      .values({ union_id: union, member_id: member, joined_on: '2024-02-01', left_on: null })
      .onConflict((oc) => oc.columns(['union_id', 'member_id']).doUpdateSet({ left_on: null }))
      .execute();
    return { method: 'DELETE', path: `/api/organisations/${union}/union-members/${member}` };
  },
  'organisations.change_requests.list': (t, fx) => ({
    method: 'GET',
    path: `/api/organisations/${targetOrganisation(t, fx)}/change-requests`,
  }),
  'change_requests.approve': async (t, fx, h) => ({
    method: 'POST',
    path: `/api/change-requests/${await pendingRequest(h, targetOrganisation(t, fx))}/approve`,
    body: { comment: 'Đồng ý' },
  }),
  'change_requests.reject': async (t, fx, h) => ({
    method: 'POST',
    path: `/api/change-requests/${await pendingRequest(h, targetOrganisation(t, fx))}/reject`,
    body: { comment: 'Không khớp hồ sơ' },
  }),
};
