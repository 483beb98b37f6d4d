import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';

export async function findLocations(db: Db, orgId: string) {
  return db.selectFrom('locations').select(['id', 'code', 'name', 'address', 'timezone']).where('org_id', '=', orgId).orderBy('code').execute();
}

export async function findDepartments(db: Db, orgId: string) {
  return db.selectFrom('departments').select(['id', 'code', 'name', 'location_id as locationId']).where('org_id', '=', orgId).orderBy('code').execute();
}

export async function findStaff(db: Db, orgId: string) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'title', 'department_id as departmentId', 'aliases'])
    .where('org_id', '=', orgId)
    .orderBy('name')
    .execute();
}

/** Throws bad_request unless the row with `id` exists in `table` within the organisation. */
export async function assertInOrg(db: Db, table: 'locations' | 'departments' | 'sources' | 'staff', orgId: string, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw badRequest(`${field} names a ${table.replace(/s$/, '')} that does not exist`);
}
