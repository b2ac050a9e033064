import type { Kysely } from 'kysely';
import type { Role } from '../../core/permissions.js';
import type { DB } from '../db/schema.js';
import { hashPassword } from '../modules/auth/password.js';

/** The password of every demo account (printed at start; demo data only). */
export const DEMO_PASSWORD = 'HopTac@2025';

/** A demo account: its role and the unit it is scoped to (province code, or commune by folded name). */
export interface DemoAccount {
  username: string;
  fullName: string;
  role: Role;
  province?: string;
  communeName?: string;
}

/** The demo accounts: one per role, in the provinces of the seed plans. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'trunguong', fullName: 'Nguyễn Văn Trung', role: 'national' },
  { username: 'quantri.langson', fullName: 'Hoàng Thị Lan', role: 'province_admin', province: '20' },
  { username: 'canbo.langson', fullName: 'Lý Văn Sơn', role: 'province_officer', province: '20' },
  {
    username: 'xa.dongdang',
    fullName: 'Vi Thị Đào',
    role: 'commune_officer',
    province: '20',
    communeName: 'dong dang',
  },
  { username: 'quantri.ninhbinh', fullName: 'Đinh Văn Bình', role: 'province_admin', province: '37' },
  { username: 'quantri.haiphong', fullName: 'Trần Thị Hải', role: 'province_admin', province: '31' },
  { username: 'quantri.lamdong', fullName: "K'Brơi Minh", role: 'province_admin', province: '68' },
  { username: 'quantri.quangngai', fullName: 'Phạm Văn Ngãi', role: 'province_admin', province: '51' },
  // Bound to the demo "Hợp tác xã Nông nghiệp Đồng Đăng" by seedDemoRegistry (demo-registry.ts), which runs next.
  {
    username: 'htx.dongdang',
    fullName: 'Nông Văn Thành',
    role: 'coop_user',
    province: '20',
    communeName: 'dong dang',
  },
];

async function findScopeUnit(db: Kysely<DB>, a: DemoAccount): Promise<number | null> {
  if (!a.province) return null;
  const province = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('era', '=', 'post2025')
    .where('level', '=', 1)
    .where('code', '=', a.province)
    .executeTakeFirstOrThrow();
  if (!a.communeName) return province.id;
  const commune = await db
    .selectFrom('admin_unit')
    .select('id')
    .where('era', '=', 'post2025')
    .where('level', '=', 3)
    .where('parent_id', '=', province.id)
    .where('name_key', 'like', `% ${a.communeName}`)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return commune.id;
}

/** Creates the demo accounts when the user table is empty; returns the accounts created. */
export async function seedDemoUsers(db: Kysely<DB>): Promise<DemoAccount[]> {
  const any = await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst();
  if (any) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    for (const a of DEMO_ACCOUNTS) {
      await trx
        .insertInto('app_user')
        .values({
          username: a.username,
          full_name: a.fullName,
          email: null,
          password_hash: passwordHash,
          role: a.role,
          scope_unit_id: await findScopeUnit(trx, a),
          organisation_id: null,
        })
        .execute();
    }
    await trx
      .insertInto('audit_log')
      .values({
        action: 'seed.demo_users',
        entity_type: 'user',
        entity_id: null,
        actor_id: null,
        actor_name: 'Hệ thống',
        before: null,
        after: JSON.stringify({ usernames: DEMO_ACCOUNTS.map((a) => a.username) }),
        request_id: null,
        ip: null,
        province_id: null,
      })
      .execute();
  });
  return DEMO_ACCOUNTS;
}
