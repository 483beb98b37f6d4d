import { sql } from 'kysely';
import type { Role } from '../core/access.vocab.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { authMessages } from './auth.messages.ts';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentIds: string[];
  locale: Locale | null;
  staffId: string | null;
  disabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** Users of one organisation with their departments, by e-mail; one user when `userId` is given. */
export async function findUsers(db: Db, orgId: string, userId?: string): Promise<UserRow[]> {
  let query = db
    .selectFrom('users as u')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.locale',
      'u.staff_id as staffId',
      'u.disabled',
      'u.created_at as createdAt',
      'u.last_login_at as lastLoginAt',
      sql<string[]>`coalesce((SELECT array_agg(ud.department_id) FROM user_departments ud WHERE ud.user_id = u.id), '{}')`.as('departmentIds'),
    ])
    .where('u.org_id', '=', orgId)
    .orderBy('u.email');
  if (userId) query = query.where('u.id', '=', userId);
  const rows = await query.execute();
  // users.role is checked against ROLES by the table's CHECK constraint.
  return rows.map((r) => ({ ...r, role: r.role, departmentIds: r.departmentIds ?? [] }));
}

/** One user of the organisation; throws not_found otherwise (another organisation's user included). */
export async function getUser(db: Db, orgId: string, userId: string): Promise<UserRow> {
  const [user] = await findUsers(db, orgId, userId);
  if (!user) throw notFound('user');
  return user;
}

/** Throws bad_request unless every id names a department of the organisation. */
export async function assertDepartmentsInOrg(db: Db, orgId: string, departmentIds: string[]): Promise<void> {
  if (departmentIds.length === 0) return;
  const found = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', 'in', departmentIds).execute();
  if (found.length !== new Set(departmentIds).size) throw badRequest(authMessages.text('noSuchDepartment'));
}

/** Replaces a user's departments. */
export async function setUserDepartments(trx: Db, userId: string, departmentIds: string[]): Promise<void> {
  await trx.deleteFrom('user_departments').where('user_id', '=', userId).execute();
  if (departmentIds.length)
    await trx
      .insertInto('user_departments')
      .values(departmentIds.map((d) => ({ user_id: userId, department_id: d })))
      .execute();
}

/** The language a user chose, or null for the organisation's default. */
export async function findUserLocale(db: Db, userId: string): Promise<Locale | null> {
  const row = await db.selectFrom('users').select('locale').where('id', '=', userId).executeTakeFirst();
  return row?.locale ?? null;
}

/** The roster entry a user is (users.staff_id), or null. */
export async function findUserStaffId(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('staff_id').where('id', '=', userId).executeTakeFirst();
  return row?.staff_id ?? null;
}

/** Throws bad_request unless the id names a staff member of the organisation, conflict when another user is linked to it. */
export async function assertStaffInOrg(db: Db, orgId: string, staffId: string | null | undefined, userId?: string): Promise<void> {
  if (!staffId) return;
  const found = await db.selectFrom('staff').select(['id', 'name']).where('org_id', '=', orgId).where('id', '=', staffId).executeTakeFirst();
  if (!found) throw badRequest(authMessages.text('noSuchStaff'));
  let other = db.selectFrom('users').select('email').where('staff_id', '=', staffId);
  if (userId) other = other.where('id', '<>', userId);
  const taken = await other.executeTakeFirst();
  if (taken) throw new AppError('conflict', authMessages.text('staffTaken', { name: found.name, email: taken.email }));
}

/** Stores the language a user reads Verity in (null: the organisation's default). */
export async function setUserLocale(db: Db, userId: string, locale: Locale | null): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', userId).execute();
}
