import type { Role } from '../core/access.vocab.ts';
import { badRequest } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { authMessages } from './auth.messages.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { assertDepartmentsInOrg, assertStaffInOrg, getUser, setUserDepartments } from './users.queries.ts';

export interface UserChanges {
  name?: string;
  role?: Role;
  departmentIds?: string[];
  disabled?: boolean;
  password?: string;
  locale?: Locale | null;
  /** The roster entry this user is; null unlinks. */
  staffId?: string | null;
}

/**
 * Changes a user of `by`'s organisation, with its `user.update` audit entry, in one transaction.
 * Disabling a user or setting a password ends their sessions. Throws not_found for a user of
 * another organisation, bad_request when an admin would disable or demote themself or names a
 * department that is not the organisation's, or when a new password breaks the policy.
 */
export async function updateUser(db: Db, by: AuditBy, userId: string, changes: UserChanges): Promise<void> {
  if (changes.password) {
    const user = await getUser(db, by.orgId, userId);
    assertPasswordAcceptable(changes.password, { email: user.email, name: changes.name ?? user.name });
  }
  // Hashing takes ~20 ms of CPU; done before the transaction so it holds no connection meanwhile.
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  await db.transaction().execute(async (trx) => {
    await getUser(trx, by.orgId, userId);
    if (userId === by.userId && (changes.disabled || (changes.role && changes.role !== 'admin'))) throw badRequest(authMessages.text('keepOwnAdmin'));
    if (changes.departmentIds) await assertDepartmentsInOrg(trx, by.orgId, changes.departmentIds);
    await assertStaffInOrg(trx, by.orgId, changes.staffId, userId);
    const set = { name: changes.name, role: changes.role, disabled: changes.disabled, password_hash: passwordHash, locale: changes.locale, staff_id: changes.staffId };
    if (Object.values(set).some((v) => v !== undefined)) {
      await trx.updateTable('users').set(set).where('id', '=', userId).where('org_id', '=', by.orgId).execute();
    }
    if (changes.departmentIds) await setUserDepartments(trx, userId, changes.departmentIds);
    if (changes.disabled || passwordHash) await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    const { password: _omit, ...logged } = changes;
    await recordAudit(trx, { ...by, action: 'user.update', targetType: 'user', targetId: userId, details: { ...logged, passwordChanged: Boolean(passwordHash) } });
  });
}
