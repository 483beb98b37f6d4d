import type { Connector } from '../connector.ts';
import { ingestText, TextError } from '../ingest-errors.ts';
import type { IngestMessageKey } from '../ingest.messages.ts';
import { parseFeed } from './parse-feed.ts';

const MAX_FEED_BYTES = 10 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 20_000;

/** Where a feed was left: its validators for a conditional GET, and the newest publication time seen. */
export interface FeedCursor {
  etag: string | null;
  lastModified: string | null;
  newest: Date | null;
}

/**
 * An RSS 2.0 or Atom feed: a conditional GET (ETag / Last-Modified), then only the items newer
 * than the cursor. Throws a TextError naming the problem (HTTP status, size, timeout, malformed XML).
 */
export function rssConnector(url: string): Connector<FeedCursor> {
  return {
    channel: 'rss',
    origin: url,
    async fetch(cursor) {
      const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5', 'user-agent': 'Verity feed poller' };
      if (cursor.etag) headers['if-none-match'] = cursor.etag;
      if (cursor.lastModified) headers['if-modified-since'] = cursor.lastModified;
      try {
        const response = await fetch(url, { headers, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
        if (response.status === 304) return { mentions: [], rejected: [], cursor, unchanged: true };
        if (!response.ok) throw feedError('feed.http', { status: response.status });
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > MAX_FEED_BYTES) throw feedError('feed.tooLarge', { megabytes: MAX_FEED_BYTES / 1024 / 1024 });
        const body = await response.text();
        if (body.length > MAX_FEED_BYTES) throw feedError('feed.tooLarge', { megabytes: MAX_FEED_BYTES / 1024 / 1024 });
        const items = parseFeed(body).filter((i) => !cursor.newest || !i.publishedAt || i.publishedAt > cursor.newest);
        const newest = items.reduce<Date | null>((max, i) => (i.publishedAt && (!max || i.publishedAt > max) ? i.publishedAt : max), cursor.newest);
        return {
          mentions: items.map((i) => i.mention),
          rejected: [],
          cursor: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified'), newest },
        };
      } catch (error) {
        if (error instanceof Error && error.name === 'TimeoutError') throw feedError('feed.timeout', { seconds: FETCH_TIMEOUT_MS / 1000 });
        throw error;
      }
    },
  };
}

function feedError(key: IngestMessageKey, params: Record<string, string | number>): TextError {
  return new TextError(ingestText(key, params));
}
