import type { Db } from '../db/database.ts';
import { AppError } from '../core/errors.ts';
import { hashPassword } from './passwords.ts';
import type { Role } from '../core/access.vocab.ts';

/** Creates a user in an organisation; throws `conflict` when the e-mail is taken. */
export async function createUser(
  db: Db,
  input: { orgId: string; email: string; name: string; role: Role; password: string; departmentIds?: string[] },
): Promise<string> {
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
    if (taken) throw new AppError('conflict', `a user with e-mail ${email} already exists`);
    const { id } = await trx
      .insertInto('users')
      .values({ org_id: input.orgId, email, name: input.name, role: input.role, password_hash: passwordHash })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.departmentIds?.length) {
      await trx.insertInto('user_departments').values(input.departmentIds.map((d) => ({ user_id: id, department_id: d }))).execute();
    }
    return id;
  });
}
