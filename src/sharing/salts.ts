import type { Db } from '../db/database.ts';
import { utcDay } from './clicks.ts';

/**
 * Deletes the salts of every UTC day before `now`'s: a stored visitor hash of a past day can then no
 * longer be recomputed from an address and user agent (nothing links it to a person). Today's salt
 * stays, so today's visitors still count once each. Returns how many salts were deleted.
 */
export async function purgeSalts(db: Db, now = new Date()): Promise<number> {
  const rows = await db.deleteFrom('share_salts').where('day', '<', utcDay(now)).returning('day').execute();
  return rows.length;
}
