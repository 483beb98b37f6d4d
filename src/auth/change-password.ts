import { recordAudit } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import type { SessionUser } from '../core/request.ts';
import type { Db } from '../db/database.ts';
import { authMessages } from './auth.messages.ts';
import { assertNotWaiting, clearFailures, countFailure } from './login-throttle.ts';
import { assertPasswordAcceptable } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/**
 * The signed-in user changes their own password from a live session: the current password again
 * (a stolen, unattended session cannot take the account over), the new one checked by the policy.
 * Wrong current passwords slow down only this user's own changes (a key of their own, never the
 * login keys), so no one else's failures keep a signed-in user from it. Every other session of the
 * user ends; this one stays. Throws bad_request on a wrong current password or a refused new one.
 */
export async function changeOwnPassword(db: Db, user: SessionUser, input: { currentPassword: string; newPassword: string }, ip: string | null): Promise<void> {
  const keys = { pair: `change:${user.userId}` };
  await assertNotWaiting(db, keys);
  const row = await db.selectFrom('users').select(['password_hash', 'name']).where('id', '=', user.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.currentPassword))) {
    await countFailure(db, keys);
    throw new AppError('bad_request', authMessages.text('wrongCurrentPassword'));
  }
  assertPasswordAcceptable(input.newPassword, { email: user.email, name: row.name });
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', user.userId).where('id', '<>', user.sessionId).execute();
    await clearFailures(trx, keys.pair);
    await recordAudit(trx, { orgId: user.orgId, userId: user.userId, actor: user.email, action: 'user.update', targetType: 'user', targetId: user.userId, ip, details: { passwordChanged: true } });
  });
}
