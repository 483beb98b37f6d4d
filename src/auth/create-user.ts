import type { Role } from '../core/access.vocab.ts';
import { AppError } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { authMessages } from './auth.messages.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { hashPassword } from './passwords.ts';
import { assertDepartmentsInOrg, assertStaffInOrg, setUserDepartments } from './users.queries.ts';

export interface CreateUserInput {
  orgId: string;
  email: string;
  name: string;
  role: Role;
  password: string;
  departmentIds?: string[];
  locale?: Locale | null;
  /** The roster entry this user is (their own scorecard). */
  staffId?: string | null;
}

/**
 * Creates a user in an organisation, with the `user.create` audit entry in the same transaction
 * when `by` names who creates it. Throws bad_request when the password breaks the policy
 * (password-policy.ts) or a department is not the organisation's, and `conflict` when the e-mail is
 * taken in this organisation (e-mails are unique per organisation: another one's users are never
 * revealed).
 */
export async function createUser(db: Db, input: CreateUserInput, by?: Omit<AuditBy, 'orgId'>): Promise<string> {
  assertPasswordAcceptable(input.password, input);
  // Hashing takes ~20 ms of CPU; done before the transaction so it holds no connection meanwhile.
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    await assertDepartmentsInOrg(trx, input.orgId, input.departmentIds ?? []);
    await assertStaffInOrg(trx, input.orgId, input.staffId);
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', input.orgId)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', authMessages.text('emailTaken', { email }));
    const { id } = await trx
      .insertInto('users')
      .values({ org_id: input.orgId, email, name: input.name, role: input.role, password_hash: passwordHash, locale: input.locale ?? null, staff_id: input.staffId ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.departmentIds?.length) await setUserDepartments(trx, id, input.departmentIds);
    if (by) await recordAudit(trx, { ...by, orgId: input.orgId, action: 'user.create', targetType: 'user', targetId: id, details: { email: input.email, role: input.role } });
    return id;
  });
}
