import type { PgBoss } from 'pg-boss';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import type { RejectedRow } from './import-runs.queries.ts';
import { ingestText, rejection } from './ingest-errors.ts';
import { mapRecord, type ColumnMapping } from './map-record.ts';
import type { MentionInput } from './mention-input.ts';
import { recordRun } from './record-run.ts';

/** The most items one push or webhook delivery may carry. */
export const MAX_PUSH_ITEMS = 1000;

const PUSH_MAPPING: ColumnMapping = {
  externalId: 'externalId',
  kind: 'kind',
  url: 'url',
  authorHandle: 'authorHandle',
  ratingRaw: 'rating',
  ratingScale: 'ratingScale',
  title: 'title',
  text: 'text',
  lang: 'lang',
  publishedAt: 'publishedAt',
  location: 'location',
  department: 'department',
};

const PushItem = z
  .object({
    externalId: z.union([z.string(), z.number()]).optional(),
    kind: z.string().optional(),
    url: z.string().optional(),
    authorHandle: z.string().optional(),
    rating: z.union([z.number(), z.string()]).optional(),
    ratingScale: z.number().optional(),
    title: z.string().optional(),
    text: z.string(),
    lang: z.string().optional(),
    publishedAt: z.string().optional(),
    location: z.string().optional(),
    department: z.string().optional(),
  })
  .loose();

export interface PushResult {
  runId: string;
  accepted: number;
  duplicates: number;
  updated: number;
  rejected: RejectedRow[];
}

/**
 * Validates pushed items one by one and ingests the good ones as one recorded run, all in one
 * transaction; `beforeIngest` runs first in that transaction (a webhook remembers its delivery
 * there, so a failed ingest forgets it and the sender's retry is not taken for a replay).
 */
export async function receivePush(
  ctx: { db: Db; boss: PgBoss | null },
  source: { id: string; org_id: string },
  channel: 'push' | 'webhook',
  items: unknown[],
  beforeIngest?: (trx: Db) => Promise<void>,
): Promise<PushResult> {
  const rejected: RejectedRow[] = [];
  const mentions: MentionInput[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    const parsed = PushItem.safeParse(item);
    if (!parsed.success) {
      rejected.push(rejection(row, ingestText('reject.invalidItem', { issues: parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; ') })));
      return;
    }
    // A NUL cannot be stored in text (PostgreSQL refuses it and would fail the whole delivery): the item is refused.
    if (Object.values(parsed.data).some((value) => typeof value === 'string' && value.includes('\u0000'))) {
      rejected.push(rejection(row, ingestText('row.nul')));
      return;
    }
    const mapped = mapRecord(parsed.data as Record<string, unknown>, PUSH_MAPPING, { kind: 'review' });
    if (mapped.ok) mentions.push(mapped.mention);
    else rejected.push(rejection(row, mapped.text));
  });
  return ctx.db.transaction().execute(async (trx) => {
    await beforeIngest?.(trx);
    return recordRun({ db: trx, boss: ctx.boss }, { orgId: source.org_id, sourceId: source.id, channel }, async (run) => {
      const counts = await run.ingest(mentions, rejected);
      return { runId: run.runId, accepted: counts.accepted, duplicates: counts.duplicates, updated: counts.updated, rejected };
    });
  });
}
