/** Shared fixtures of the member-register tests and access cases. */

/** A valid official member's body (born 1980, joined 2021) with a CCCD ending in `suffix` (3 digits). */
export const person = (suffix: string, extra: Record<string, unknown> = {}) => ({
  memberType: 'official',
  fullName: 'Hoàng Thị Lan',
  birthDate: '1980-05-12',
  gender: 'female',
  ethnicity: 'Tày',
  nationality: 'Việt Nam',
  idNumber: `020180001${suffix}`,
  address: 'Thôn Nà Lầu, xã Đồng Đăng, tỉnh Lạng Sơn',
  capitalPledged: 50_000_000,
  capitalPaid: 20_000_000,
  joinedOn: '2021-03-01',
  ...extra,
});

/** The register path of an organisation. */
export const membersPath = (org: number) => `/api/organisations/${org}/members`;
