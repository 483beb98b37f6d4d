import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import type { Connector } from './connector.ts';
import { recordRun } from './record-run.ts';

export interface ConnectorRun<Cursor> {
  /** The platform had nothing new; no run was recorded. */
  unchanged: boolean;
  /** Where the next fetch starts; the caller stores it. */
  cursor: Cursor;
  runId: string | null;
  accepted: number;
  duplicates: number;
  updated: number;
  rejectedCount: number;
}

/**
 * Runs a connector once for a source: fetches what is new since `cursor` and, when there is
 * anything, ingests it as one recorded run of the connector's channel. Throws what the connector
 * or the database throws; the caller records it on the source.
 */
export async function runConnector<Cursor>(ctx: { db: Db; boss: PgBoss | null }, source: { id: string; orgId: string }, connector: Connector<Cursor>, cursor: Cursor): Promise<ConnectorRun<Cursor>> {
  const batch = await connector.fetch(cursor);
  const nothing = { cursor: batch.cursor, runId: null, accepted: 0, duplicates: 0, updated: 0, rejectedCount: 0 };
  if (batch.unchanged) return { ...nothing, unchanged: true };
  if (batch.mentions.length === 0 && batch.rejected.length === 0) return { ...nothing, unchanged: false };
  return recordRun(ctx, { orgId: source.orgId, sourceId: source.id, channel: connector.channel, fileName: connector.origin ?? null }, async (run) => {
    const counts = await run.ingest(batch.mentions, batch.rejected);
    return { unchanged: false, cursor: batch.cursor, runId: run.runId, accepted: counts.accepted, duplicates: counts.duplicates, updated: counts.updated, rejectedCount: batch.rejected.length };
  });
}
