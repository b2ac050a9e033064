/**
 * Access-matrix cases of the member-register routes. Builders that touch one entry (edit, reveal, export,
 * erase) insert a fresh entry in the target organisation each time they are called, so call the builder
 * immediately before sending each request: an erasure by one permitted caller never leaves the next one
 * an erased member. Targets: own = orgOwn (commune Đồng Đăng), sibling = orgSibling, other and
 * nation = orgOther (Ninh Bình).
 */
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';

const orgOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.orgOwn : t === 'sibling' ? fx.orgSibling : fx.orgOther;
let seq = 0;
/** A 12-digit CCCD unique within a run. */
const nextIdNumber = () => `0991${String(++seq).padStart(8, '0')}`;

/** Inserts a fresh official member (with personal data) in an organisation; returns its id (version 1). */
export async function insertMatrixMember(h: Harness, organisationId: number) {
  const r = await h.database.db
    .insertInto('member')
    .values({
      organisation_id: organisationId,
      member_type: 'official',
      full_name: 'Thành viên ma trận quyền',
      birth_date: '1980-01-01',
      gender: 'male',
      ethnicity: 'Kinh',
      nationality: 'Việt Nam',
      id_number: nextIdNumber(),
      org_code: null,
      address: 'Thôn Thử, xã Đồng Đăng, tỉnh Lạng Sơn',
      capital_pledged: '10000000',
      capital_paid: '5000000',
      joined_on: '2021-01-01',
      left_on: null,
      erased_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

const base = (org: number) => `/api/organisations/${org}/members`;

/** Route id → request builder for the member-register routes. */
export const memberCases: MatrixCases = {
  'members.list': (t, fx) => ({ method: 'GET', path: `${base(orgOf(t, fx))}?pageSize=5` }),
  'members.create': (t, fx) => ({
    method: 'POST',
    path: base(orgOf(t, fx)),
    body: {
      memberType: 'official',
      fullName: 'Lò Văn Mạnh',
      birthDate: '1985-02-03',
      gender: 'male',
      nationality: 'Việt Nam',
      idNumber: nextIdNumber(),
      address: 'Bản Mới, tỉnh Lạng Sơn',
      capitalPledged: 10_000_000,
      capitalPaid: 10_000_000,
      joinedOn: '2022-05-01',
    },
  }),
  'members.update': async (t, fx, h) => {
    const id = await insertMatrixMember(h, orgOf(t, fx));
    return {
      method: 'PATCH',
      path: `${base(orgOf(t, fx))}/${id}`,
      body: { capitalPaid: 8_000_000, version: 1 },
    };
  },
  'members.reveal': async (t, fx, h) => {
    const id = await insertMatrixMember(h, orgOf(t, fx));
    return { method: 'POST', path: `${base(orgOf(t, fx))}/${id}/reveal` };
  },
  'members.export': async (t, fx, h) => {
    const id = await insertMatrixMember(h, orgOf(t, fx));
    return { method: 'GET', path: `${base(orgOf(t, fx))}/${id}/export?format=json` };
  },
  'members.erase': async (t, fx, h) => {
    const id = await insertMatrixMember(h, orgOf(t, fx));
    return {
      method: 'POST',
      path: `${base(orgOf(t, fx))}/${id}/erase`,
      body: { reason: 'Yêu cầu của chủ thể dữ liệu (ma trận quyền).' },
    };
  },
};
