import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Text } from '../core/i18n.ts';
import { builtInSourceOf, type ImportChannel } from './ingest.vocab.ts';
import type { IngestCounts } from './ingest-mentions.ts';
import { ingestText, type RejectedRow } from './ingest-errors.ts';
import { renderIngest } from './ingest.messages.ts';

export const MAX_REJECTED_KEPT = 1000;

/**
 * A row (or pushed item, or feed item) that was refused: its 1-based position, the reason in
 * English as stored and printed, and the reason's message code and parameters
 * (ingest.messages.ts), so that each reader sees it in their own language.
 */
export type { RejectedRow } from './ingest-errors.ts';

/** Opens a recorded run for one import through any channel; only recordRun calls it. */
export async function insertImportRun(
  db: Db,
  input: {
    orgId: string;
    sourceId: string;
    userId: string | null;
    channel: ImportChannel;
    fileName: string | null;
    format: string | null;
    locationId?: string | null;
    departmentId?: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('import_runs')
    .values({
      org_id: input.orgId,
      source_id: input.sourceId,
      user_id: input.userId,
      channel: input.channel,
      file_name: input.fileName,
      format: input.format,
      location_id: input.locationId ?? null,
      department_id: input.departmentId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Adds a batch's counts and rejections to a run; only the first MAX_REJECTED_KEPT rejections are kept, all are counted. */
export async function addToImportRun(db: Db, runId: string, counts: IngestCounts, rejected: RejectedRow[]): Promise<void> {
  await sql`
    UPDATE import_runs SET
      progressed_at = now(),
      accepted = accepted + ${counts.accepted}, duplicates = duplicates + ${counts.duplicates}, updated = updated + ${counts.updated},
      rejected_count = rejected_count + ${rejected.length},
      rejected = CASE WHEN jsonb_array_length(rejected) >= ${MAX_REJECTED_KEPT} THEN rejected
                      ELSE rejected || ${JSON.stringify(rejected.slice(0, MAX_REJECTED_KEPT))}::jsonb END
    WHERE id = ${runId}
  `.execute(db);
}

/** Closes a run: completed, or failed with `error` (English) and its message code and parameters; only recordRun calls it. */
export async function closeImportRun(db: Db, runId: string, error: string | null, errorText: Text | null = null): Promise<void> {
  await db
    .updateTable('import_runs')
    .set({ status: error ? 'failed' : 'completed', error, error_message: error && errorText ? JSON.stringify(errorText) : null, finished_at: new Date() })
    .where('id', '=', runId)
    .execute();
}

/**
 * Closes import runs whose process died (kill -9, a crash, a power cut) as `interrupted`, saying
 * how many rows were stored and when the last batch committed: `staleAfterSeconds` null closes
 * every running run (a store with one owner, at its start: no other process can be writing one),
 * else only those with no batch for that long (a PostgreSQL server other processes share).
 * Returns how many it closed.
 */
export async function closeInterruptedRuns(db: Db, staleAfterSeconds: number | null): Promise<number> {
  let query = db.selectFrom('import_runs').select(['id', 'accepted', 'updated', 'started_at', 'progressed_at']).where('status', '=', 'running');
  if (staleAfterSeconds !== null) query = query.where(sql<boolean>`coalesce(progressed_at, started_at) < now() - make_interval(secs => ${staleAfterSeconds})`);
  const runs = await query.execute();
  for (const run of runs) {
    const last = new Date(run.progressed_at ?? run.started_at);
    const text = ingestText('run.interrupted', { rows: run.accepted + run.updated, at: `${last.toISOString().slice(0, 19).replace('T', ' ')} UTC` });
    await db
      .updateTable('import_runs')
      .set({ status: 'interrupted', error: renderIngest('en', text), error_message: JSON.stringify(text), finished_at: last })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .execute();
  }
  return runs.length;
}

/** One import run of an organisation, or undefined. */
export async function findImportRun(db: Db, orgId: string, runId: string) {
  const run = await importRunQuery(db).where('r.org_id', '=', orgId).where('r.id', '=', runId).executeTakeFirst();
  return run && { ...run, sourceBuiltIn: builtInSourceOf(run.sourceName) };
}

export async function findImportRuns(db: Db, orgId: string, limit = 50) {
  const runs = await importRunQuery(db).where('r.org_id', '=', orgId).orderBy('r.started_at', 'desc').limit(limit).execute();
  return runs.map((run) => ({ ...run, sourceBuiltIn: builtInSourceOf(run.sourceName) }));
}

function importRunQuery(db: Db) {
  return db
    .selectFrom('import_runs as r')
    .innerJoin('sources as s', 's.id', 'r.source_id')
    .select([
      'r.id',
      'r.source_id as sourceId',
      's.name as sourceName',
      'r.channel',
      'r.file_name as fileName',
      'r.format',
      'r.status',
      'r.accepted',
      'r.duplicates',
      'r.updated',
      'r.rejected_count as rejectedCount',
      'r.rejected',
      'r.error',
      'r.error_message as errorMessage',
      'r.location_id as locationId',
      'r.department_id as departmentId',
      'r.started_at as startedAt',
      'r.finished_at as finishedAt',
    ])
    .$narrowType<{ rejected: RejectedRow[] }>();
}
