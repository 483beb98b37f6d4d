import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

/**
 * CONTRACT (lead): recomputes `mention_term_rollups` for the given organisation-local days of one
 * organisation, inside the refresh job's transaction (it deletes the days' rows and inserts them
 * again). The PAIN helper owns this body; the refresh job (DASH) calls it for every day it claims.
 */
export async function refreshTermRollups(trx: Transaction<Database>, orgId: string, days: readonly string[]): Promise<void> {
  void trx;
  void orgId;
  void days;
}
