import type { PgBoss } from 'pg-boss';
import type { Config } from '../core/config.ts';
import type { Db } from '../db/database.ts';
import { rssConnector } from './connectors/rss.ts';
import { AppError } from '../core/errors.ts';
import { TextError } from './ingest-errors.ts';
import { ingestMessages } from './ingest.messages.ts';
import { runConnector } from './run-connector.ts';
import { findFeedSource, markFeedPolled, saveFeedCursor } from './sources.queries.ts';

export interface PollResult {
  status: 'not_modified' | 'ingested' | 'failed';
  accepted: number;
  error?: string;
}

/**
 * Polls one RSS/Atom source: runs the RSS connector from the source's stored cursor, then stores
 * the new cursor. The feed is fetched through safeFetch (no loopback, private or metadata address
 * unless VERITY_OUTBOUND_ALLOW lists it). A failure is recorded on the source (and, when it
 * happens while ingesting, in the failed run); it never throws.
 */
export async function pollFeed(ctx: { db: Db; boss: PgBoss | null; config: Pick<Config, 'outboundAllow'> }, sourceId: string): Promise<PollResult> {
  const { db } = ctx;
  const source = await findFeedSource(db, sourceId);
  if (!source?.url) return { status: 'failed', accepted: 0, error: ingestMessages.render('en', 'feed.notFeed') };
  try {
    const cursor = { etag: source.feed_etag, lastModified: source.feed_last_modified, newest: source.feed_cursor ? new Date(source.feed_cursor) : null };
    const result = await runConnector(ctx, { id: source.id, orgId: source.org_id }, rssConnector(source.url, { outboundAllow: ctx.config.outboundAllow }), cursor);
    if (result.unchanged) {
      await markFeedPolled(db, source.id, null);
      return { status: 'not_modified', accepted: 0 };
    }
    await saveFeedCursor(db, source.id, result.cursor);
    return { status: 'ingested', accepted: result.accepted };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // A failure Verity worded (an unreadable feed, an HTTP status) keeps its code, so each reader sees it in their language.
    const text = error instanceof TextError ? error.text : error instanceof AppError ? error.text : null;
    await markFeedPolled(db, source.id, message.slice(0, 500), text);
    return { status: 'failed', accepted: 0, error: message };
  }
}
