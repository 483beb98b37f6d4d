import { sql } from 'kysely';
import { fromKysely, type PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { QUEUE_SCHEMA } from './queue.ts';

/**
 * The catalogue of events one capability publishes and others subscribe their jobs to. Adding an
 * event is a line here: its name (`<feature>.<past-tense>`) and the schema of its payload.
 */
export const EVENTS = {
  /** A batch of mentions has been analysed (alerts and cases subscribe). */
  'mentions.analysed': z.object({ orgId: z.string(), mentionIds: z.array(z.string()) }),
  /** Visits were imported (CSV, FHIR, HL7); referrals attributes them to booked referrals. */
  'outreach.visits-imported': z.object({ orgId: z.string(), visitIds: z.array(z.string()) }),
  /** A survey response was submitted; `via` is the code of the share link the respondent arrived by (sharing credits its chain). */
  'surveys.response-submitted': z.object({ orgId: z.string(), responseId: z.string().nullable(), patientId: z.string().nullable(), via: z.string().nullable() }),
} as const;

export type EventName = keyof typeof EVENTS;
export type EventPayload<E extends EventName> = z.infer<(typeof EVENTS)[E]>;

/**
 * Publishes an event inside the caller's transaction, so subscribers see exactly what it wrote.
 * pg-boss's own publish() reads the subscriptions on its connection, which on PGlite waits for this
 * very transaction; so the subscriber queues are read through the transaction and each is sent to
 * directly. Does nothing without a queue.
 */
export async function publish<E extends EventName>(boss: PgBoss | null, trx: Db, event: E, payload: EventPayload<E>): Promise<void> {
  if (!boss) return;
  const data = EVENTS[event].parse(payload);
  const subscribers = await sql<{ name: string }>`SELECT name FROM ${sql.table(`${QUEUE_SCHEMA}.subscription`)} WHERE event = ${event}`.execute(trx);
  for (const { name } of subscribers.rows) await boss.send(name, data, { db: fromKysely(trx) });
}
