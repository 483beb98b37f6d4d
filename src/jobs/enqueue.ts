import { fromKysely, type PgBoss } from 'pg-boss';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

export const ANALYSE_QUEUE = 'analyse-mentions';

/**
 * Asks the workers to analyse an organisation's new mentions, inside the caller's transaction
 * (so the job exists exactly when the mentions do; on PGlite a second connection would deadlock).
 * Throttled per organisation: one job every few seconds drains whatever has arrived meanwhile.
 */
export async function enqueueAnalysis(boss: PgBoss | null, trx: Transaction<Database> | Kysely<Database>, orgId: string): Promise<void> {
  if (!boss) return;
  await boss.send(ANALYSE_QUEUE, { orgId }, { db: fromKysely(trx), singletonKey: orgId, singletonSeconds: 2 });
}
