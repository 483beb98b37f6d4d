import type { Db } from '../db/database.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import { rootCauseLabel } from './cases.queries.ts';
import { DEFAULT_ROOT_CAUSES } from './cases.vocab.ts';

/** Seeds the default root causes the first time an organisation needs its list; idempotent. */
export async function ensureRootCauses(db: Db, orgId: string): Promise<void> {
  const any = await db.selectFrom('root_causes').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('root_causes')
    .values(DEFAULT_ROOT_CAUSES.map((r) => ({ org_id: orgId, label: r.label })))
    .onConflict((oc) => oc.columns(['org_id', 'label']).doNothing())
    .execute();
}

/** The organisation's root causes, in the order they were added; the default ones named in `locale`. */
export async function findRootCauses(db: Db, orgId: string, locale: Locale = DEFAULT_LOCALE): Promise<{ id: string; label: string; active: boolean }[]> {
  await ensureRootCauses(db, orgId);
  const rows = await db.selectFrom('root_causes').select(['id', 'label', 'active']).where('org_id', '=', orgId).orderBy('created_at').orderBy('label').execute();
  return rows.map((r) => ({ ...r, label: rootCauseLabel(locale, r.label) }));
}

/** Adds a root cause; throws conflict when the label exists. */
export async function createRootCause(db: Db, orgId: string, label: string): Promise<{ id: string; label: string; active: boolean }> {
  await ensureRootCauses(db, orgId);
  return db.insertInto('root_causes').values({ org_id: orgId, label }).returning(['id', 'label', 'active']).executeTakeFirstOrThrow();
}
