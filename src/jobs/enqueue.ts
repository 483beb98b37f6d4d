import { fromKysely, type PgBoss } from 'pg-boss';
import { sql, type Kysely, type Transaction } from 'kysely';
import { QUEUE_SCHEMA } from './queue.ts';
import type { Database } from '../db/schema.ts';

export const ANALYSE_QUEUE = 'analyse-mentions';

/**
 * Asks the workers to analyse an organisation's new mentions, inside the caller's transaction
 * (so the job exists exactly when the mentions do; on PGlite a second connection would deadlock).
 * Debounced per organisation: at most one job per 2-second slot, and a send into a taken slot
 * moves to the next one; each job drains whatever has arrived meanwhile.
 */
export async function enqueueAnalysis(boss: PgBoss | null, trx: Transaction<Database> | Kysely<Database>, orgId: string): Promise<void> {
  if (!boss) return;
  // singletonNextSlot: a send that finds this slot taken is queued for the next one (a debounce), so a
  // mention committed just after the slot's job started is not left for the minute backlog cron.
  await boss.send(ANALYSE_QUEUE, { orgId }, { db: fromKysely(trx), singletonKey: orgId, singletonSeconds: 2, singletonNextSlot: true });
}

/** Published when a batch of mentions has been analysed; alerts and cases subscribe their queues to it. */
export const MENTIONS_ANALYSED_EVENT = 'mentions.analysed';

export interface MentionsAnalysedEvent {
  orgId: string;
  mentionIds: string[];
}

/**
 * Publishes MENTIONS_ANALYSED_EVENT inside the caller's transaction, so subscribers see the analysis
 * it wrote. pg-boss's own publish() reads the subscriptions on its connection, which on PGlite waits
 * for this very transaction; so the subscriber queues are read through the transaction and each is
 * sent to directly.
 */
export async function publishMentionsAnalysed(boss: PgBoss | null, trx: Transaction<Database> | Kysely<Database>, event: MentionsAnalysedEvent): Promise<void> {
  if (!boss || event.mentionIds.length === 0) return;
  const subscribers = await sql<{ name: string }>`SELECT name FROM ${sql.table(`${QUEUE_SCHEMA}.subscription`)} WHERE event = ${MENTIONS_ANALYSED_EVENT}`.execute(trx);
  for (const { name } of subscribers.rows) await boss.send(name, event, { db: fromKysely(trx) });
}
