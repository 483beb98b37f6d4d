import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { createImportRun, finishImportRun } from './import-runs.ts';
import { OrgUnitResolver } from './ingest-mentions.ts';
import { ingestIntoRun } from './ingest-into-run.ts';
import { parseFeed } from './connectors/parse-feed.ts';

const MAX_FEED_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

export interface PollResult {
  status: 'not_modified' | 'ingested' | 'failed';
  accepted: number;
  error?: string;
}

/**
 * Polls one RSS/Atom source: a conditional GET (ETag / Last-Modified), then only items newer than
 * the cursor (the newest publication time seen), through the ingest path. A failure is recorded
 * on the source and in a failed run; it never throws.
 */
export async function pollFeed(ctx: { db: Db; boss: PgBoss | null }, sourceId: string): Promise<PollResult> {
  const { db } = ctx;
  const source = await db.selectFrom('sources').selectAll().where('id', '=', sourceId).where('kind', '=', 'rss').executeTakeFirst();
  if (!source?.url) return { status: 'failed', accepted: 0, error: 'not an rss source with a url' };
  const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5', 'user-agent': 'Verity feed poller' };
  if (source.feed_etag) headers['if-none-match'] = source.feed_etag;
  if (source.feed_last_modified) headers['if-modified-since'] = source.feed_last_modified;
  try {
    const response = await fetch(source.url, { headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    if (response.status === 304) {
      await db.updateTable('sources').set({ last_polled_at: new Date(), last_poll_error: null }).where('id', '=', source.id).execute();
      return { status: 'not_modified', accepted: 0 };
    }
    if (!response.ok) throw new Error(`feed answered HTTP ${response.status}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_FEED_BYTES) throw new Error(`feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    const body = await response.text();
    if (body.length > MAX_FEED_BYTES) throw new Error(`feed is larger than ${MAX_FEED_BYTES / 1024 / 1024} MB`);
    const cursor = source.feed_cursor ? new Date(source.feed_cursor) : null;
    const items = parseFeed(body).filter((i) => !cursor || !i.publishedAt || i.publishedAt > cursor);
    const newest = items.reduce<Date | null>((max, i) => (i.publishedAt && (!max || i.publishedAt > max) ? i.publishedAt : max), cursor);
    let accepted = 0;
    if (items.length) {
      const runId = await createImportRun(db, { orgId: source.org_id, sourceId: source.id, userId: null, channel: 'rss', fileName: source.url });
      const resolver = await OrgUnitResolver.load(db, source.org_id);
      const counts = await db
        .transaction()
        .execute((trx) => ingestIntoRun(trx, ctx.boss, { target: { orgId: source.org_id, sourceId: source.id }, runId, mentions: items.map((i) => i.mention), resolver }));
      accepted = counts.accepted;
      await finishImportRun(db, runId, null);
    }
    await db
      .updateTable('sources')
      .set({ feed_etag: response.headers.get('etag'), feed_last_modified: response.headers.get('last-modified'), feed_cursor: newest, last_polled_at: new Date(), last_poll_error: null })
      .where('id', '=', source.id)
      .execute();
    return { status: 'ingested', accepted };
  } catch (error) {
    const message = error instanceof Error ? (error.name === 'TimeoutError' ? `feed did not answer within ${FETCH_TIMEOUT_MS / 1000} s` : error.message) : String(error);
    await db.updateTable('sources').set({ last_polled_at: new Date(), last_poll_error: message.slice(0, 500) }).where('id', '=', source.id).execute();
    return { status: 'failed', accepted: 0, error: message };
  }
}
