import type { z } from 'zod';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { orgsMessages } from './orgs.messages.ts';
import type { DepartmentBody, DepartmentPatch, LocationBody, LocationPatch, StaffBody, StaffPatch } from './orgs.schemas.ts';
import { DEFAULT_TIMEZONE } from './orgs.vocab.ts';

/*
 * The organisation, its locations, departments and staff roster. Every change and its audit entry
 * are written in one transaction; a row of another organisation reads as not found.
 */

const orgColumns = ['id', 'slug', 'name', 'timezone', 'default_locale as defaultLocale'] as const;
const locationColumns = ['id', 'code', 'name', 'address', 'timezone'] as const;
const departmentColumns = ['id', 'code', 'name', 'location_id as locationId'] as const;
const staffColumns = ['id', 'name', 'title', 'department_id as departmentId', 'aliases'] as const;

/** Creates an organisation (a tenant); null when the slug is taken. */
export async function createOrganisation(db: Db, input: { slug: string; name: string; timezone: string }): Promise<string | null> {
  const created = await db
    .insertInto('organisations')
    .values(input)
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning('id')
    .executeTakeFirst();
  return created?.id ?? null;
}

/** The organisation's settings; throws not_found when it does not exist. */
export async function getOrg(db: Db, orgId: string) {
  const org = await db.selectFrom('organisations').select(orgColumns).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('organisation');
  return org;
}

/** Sets the organisation's default language, with its `org.update` audit entry. */
export async function updateOrgSettings(db: Db, by: AuditBy, changes: { defaultLocale: Locale }) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('organisations').select('default_locale').where('id', '=', by.orgId).executeTakeFirst();
    const org = await trx.updateTable('organisations').set({ default_locale: changes.defaultLocale }).where('id', '=', by.orgId).returning(orgColumns).executeTakeFirst();
    if (!org) throw notFound('organisation');
    await recordAudit(trx, {
      ...by,
      action: 'org.update',
      targetType: 'organisation',
      targetId: org.id,
      details: { before: { defaultLocale: before?.default_locale }, after: { defaultLocale: changes.defaultLocale } },
    });
    return org;
  });
}

export async function findLocations(db: Db, orgId: string) {
  return db.selectFrom('locations').select(locationColumns).where('org_id', '=', orgId).orderBy('code').execute();
}

export async function findDepartments(db: Db, orgId: string) {
  return db.selectFrom('departments').select(departmentColumns).where('org_id', '=', orgId).orderBy('code').execute();
}

export async function findStaff(db: Db, orgId: string) {
  return db.selectFrom('staff').select(staffColumns).where('org_id', '=', orgId).orderBy('name').execute();
}

const NO_SUCH = { locations: 'noSuchLocation', departments: 'noSuchDepartment', sources: 'noSuchSource', staff: 'noSuchStaff' } as const;

/** Throws bad_request unless the row with `id` exists in `table` within the organisation. */
export async function assertInOrg(db: Db, table: keyof typeof NO_SUCH, orgId: string, id: string | null | undefined, field: string): Promise<void> {
  if (!id) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw badRequest(orgsMessages.text(NO_SUCH[table], { field }));
}

type Body<T extends z.ZodType> = z.infer<T>;

export async function createLocation(db: Db, by: AuditBy, b: Body<typeof LocationBody>) {
  return db.transaction().execute(async (trx) => {
    const location = await trx
      .insertInto('locations')
      .values({ org_id: by.orgId, code: b.code, name: b.name, address: b.address ?? '', timezone: b.timezone ?? DEFAULT_TIMEZONE })
      .returning(locationColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'location.create', targetType: 'location', targetId: location.id, details: { code: b.code } });
    return location;
  });
}

/** Throws not_found for a location of another organisation. */
export async function updateLocation(db: Db, by: AuditBy, id: string, b: Body<typeof LocationPatch>) {
  return db.transaction().execute(async (trx) => {
    const location = await trx
      .updateTable('locations')
      .set({ ...b })
      .where('id', '=', id)
      .where('org_id', '=', by.orgId)
      .returning(locationColumns)
      .executeTakeFirst();
    if (!location) throw notFound('location');
    await recordAudit(trx, { ...by, action: 'location.update', targetType: 'location', targetId: location.id, details: { after: b } });
    return location;
  });
}

/** Throws not_found for a location of another organisation. */
export const deleteLocation = (db: Db, by: AuditBy, id: string): Promise<void> => deleteRosterRow(db, by, 'locations', 'location', 'location', id);

/** Throws bad_request when the location is not the organisation's. */
export async function createDepartment(db: Db, by: AuditBy, b: Body<typeof DepartmentBody>) {
  return db.transaction().execute(async (trx) => {
    await assertInOrg(trx, 'locations', by.orgId, b.locationId, 'locationId');
    const department = await trx
      .insertInto('departments')
      .values({ org_id: by.orgId, code: b.code, name: b.name, location_id: b.locationId ?? null })
      .returning(departmentColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'department.create', targetType: 'department', targetId: department.id, details: { code: b.code } });
    return department;
  });
}

/** Throws bad_request when the location is not the organisation's, not_found for a department of another organisation. */
export async function updateDepartment(db: Db, by: AuditBy, id: string, b: Body<typeof DepartmentPatch>) {
  return db.transaction().execute(async (trx) => {
    await assertInOrg(trx, 'locations', by.orgId, b.locationId, 'locationId');
    const department = await trx
      .updateTable('departments')
      .set({ code: b.code, name: b.name, location_id: b.locationId })
      .where('id', '=', id)
      .where('org_id', '=', by.orgId)
      .returning(departmentColumns)
      .executeTakeFirst();
    if (!department) throw notFound('department');
    await recordAudit(trx, { ...by, action: 'department.update', targetType: 'department', targetId: department.id, details: { after: await readable(trx, b) } });
    return department;
  });
}

/** Throws not_found for a department of another organisation. */
export const deleteDepartment = (db: Db, by: AuditBy, id: string): Promise<void> => deleteRosterRow(db, by, 'departments', 'department', 'department', id);

/** Throws bad_request when the department is not the organisation's. */
export async function createStaff(db: Db, by: AuditBy, b: Body<typeof StaffBody>) {
  return db.transaction().execute(async (trx) => {
    await assertInOrg(trx, 'departments', by.orgId, b.departmentId, 'departmentId');
    const staff = await trx
      .insertInto('staff')
      .values({ org_id: by.orgId, name: b.name, title: b.title ?? '', department_id: b.departmentId ?? null, aliases: b.aliases ?? [] })
      .returning(staffColumns)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'staff.create', targetType: 'staff', targetId: staff.id, details: { name: b.name } });
    return staff;
  });
}

/** Throws bad_request when the department is not the organisation's, not_found for a staff member of another organisation. */
export async function updateStaff(db: Db, by: AuditBy, id: string, b: Body<typeof StaffPatch>) {
  return db.transaction().execute(async (trx) => {
    await assertInOrg(trx, 'departments', by.orgId, b.departmentId, 'departmentId');
    const staff = await trx
      .updateTable('staff')
      .set({ name: b.name, title: b.title, department_id: b.departmentId, aliases: b.aliases })
      .where('id', '=', id)
      .where('org_id', '=', by.orgId)
      .returning(staffColumns)
      .executeTakeFirst();
    if (!staff) throw notFound('staff member');
    await recordAudit(trx, { ...by, action: 'staff.update', targetType: 'staff', targetId: staff.id, details: { after: await readable(trx, b) } });
    return staff;
  });
}

/** Throws not_found for a staff member of another organisation. */
export const deleteStaff = (db: Db, by: AuditBy, id: string): Promise<void> => deleteRosterRow(db, by, 'staff', 'staff member', 'staff', id);

/** Deletes one row of the organisation's roster with its audit entry, in one transaction; not_found for another organisation's id. */
async function deleteRosterRow(
  db: Db,
  by: AuditBy,
  table: 'locations' | 'departments' | 'staff',
  thing: 'location' | 'department' | 'staff member',
  kind: 'location' | 'department' | 'staff',
  id: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const gone = await trx.deleteFrom(table).where('id', '=', id).where('org_id', '=', by.orgId).returning('id').executeTakeFirst();
    if (!gone) throw notFound(thing);
    await recordAudit(trx, { ...by, action: `${kind}.delete`, targetType: kind, targetId: gone.id });
  });
}

/**
 * A roster change as the audit log shows it: a location or department named, not by its id
 * (`locationId` → `location`, `departmentId` → `department`; null reads as none).
 */
async function readable(trx: Db, change: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { locationId, departmentId, ...rest } = change;
  const out: Record<string, unknown> = { ...rest };
  if (typeof locationId === 'string') out.location = (await trx.selectFrom('locations').select('name').where('id', '=', locationId).executeTakeFirst())?.name ?? null;
  else if (locationId === null) out.location = null;
  if (typeof departmentId === 'string') out.department = (await trx.selectFrom('departments').select('name').where('id', '=', departmentId).executeTakeFirst())?.name ?? null;
  else if (departmentId === null) out.department = null;
  return out;
}
