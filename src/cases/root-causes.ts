import type { Db } from '../db/database.ts';

export const DEFAULT_ROOT_CAUSES = [
  'Waiting-time process',
  'Communication',
  'Staff attitude',
  'Billing transparency',
  'Clinical quality',
  'Facilities',
  'Fake or malicious review',
  'Other',
];

/** Seeds the default root causes the first time an organisation needs its list; idempotent. */
export async function ensureRootCauses(db: Db, orgId: string): Promise<void> {
  const any = await db.selectFrom('root_causes').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('root_causes')
    .values(DEFAULT_ROOT_CAUSES.map((label) => ({ org_id: orgId, label })))
    .onConflict((oc) => oc.columns(['org_id', 'label']).doNothing())
    .execute();
}

/** The organisation's root causes, in the order they were added. */
export async function findRootCauses(db: Db, orgId: string): Promise<{ id: string; label: string; active: boolean }[]> {
  await ensureRootCauses(db, orgId);
  return db.selectFrom('root_causes').select(['id', 'label', 'active']).where('org_id', '=', orgId).orderBy('created_at').orderBy('label').execute();
}

/** Adds a root cause; throws conflict when the label exists. */
export async function createRootCause(db: Db, orgId: string, label: string): Promise<{ id: string; label: string; active: boolean }> {
  await ensureRootCauses(db, orgId);
  return db.insertInto('root_causes').values({ org_id: orgId, label }).returning(['id', 'label', 'active']).executeTakeFirstOrThrow();
}
