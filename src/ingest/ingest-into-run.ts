import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { enqueueAnalysis } from '../mentions/index.ts';
import { addToImportRun, type RejectedRow } from './import-runs.queries.ts';
import { ingestMentions, type IngestCounts, type IngestTarget, type OrgUnitResolver } from './ingest-mentions.ts';
import type { MentionInput } from './mention-input.ts';

/**
 * Writes one batch of a recorded run inside the caller's transaction: the mentions, the run's
 * counts and rejections, and the analysis job when anything changed, so that all of them exist
 * together or not at all. Every channel's ingest goes through here (by way of recordRun). Throws
 * on a database error.
 */
export async function ingestIntoRun(
  trx: Db,
  boss: PgBoss | null,
  batch: { target: IngestTarget; runId: string; mentions: MentionInput[]; rejected?: RejectedRow[]; resolver: OrgUnitResolver },
): Promise<IngestCounts & { ids: string[] }> {
  const { target, runId, mentions, resolver } = batch;
  const counts = mentions.length ? await ingestMentions(trx, { ...target, runId }, mentions, resolver) : { accepted: 0, duplicates: 0, updated: 0, ids: [] };
  await addToImportRun(trx, runId, counts, batch.rejected ?? []);
  if (counts.accepted + counts.updated > 0) await enqueueAnalysis(boss, trx, target.orgId);
  return counts;
}
