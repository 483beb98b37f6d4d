import { OutboundError, safeFetch } from '../../core/outbound.ts';
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
 * than the cursor, fetched through safeFetch: a loopback, private, link-local or metadata address
 * (after DNS and on every redirect) is refused unless `outboundAllow` lists it, the body is read up
 * to MAX_FEED_BYTES and the whole exchange within FETCH_TIMEOUT_MS. Throws a TextError naming the
 * problem (refused target, HTTP status, size, timeout, malformed XML); never quotes the answer.
 */
export function rssConnector(url: string, options: { outboundAllow: readonly string[] }): Connector<FeedCursor> {
  return {
    channel: 'rss',
    origin: url,
    async fetch(cursor) {
      const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5', 'user-agent': 'Verity feed poller' };
      if (cursor.etag) headers['if-none-match'] = cursor.etag;
      if (cursor.lastModified) headers['if-modified-since'] = cursor.lastModified;
      let response;
      try {
        response = await safeFetch(url, { headers, allow: options.outboundAllow, timeoutMs: FETCH_TIMEOUT_MS, maxBytes: MAX_FEED_BYTES });
      } catch (error) {
        if (!(error instanceof OutboundError)) throw error;
        if (error.reason === 'timeout') throw feedError('feed.timeout', { seconds: FETCH_TIMEOUT_MS / 1000 });
        if (error.reason === 'tooLarge') throw feedError('feed.tooLarge', { megabytes: MAX_FEED_BYTES / 1024 / 1024 });
        throw new TextError(error.text);
      }
      if (response.status === 304) return { mentions: [], rejected: [], cursor, unchanged: true };
      if (response.status < 200 || response.status >= 300) throw feedError('feed.http', { status: response.status });
      const items = parseFeed(response.text()).filter((i) => !cursor.newest || !i.publishedAt || i.publishedAt > cursor.newest);
      const newest = items.reduce<Date | null>((max, i) => (i.publishedAt && (!max || i.publishedAt > max) ? i.publishedAt : max), cursor.newest);
      return {
        mentions: items.map((i) => i.mention),
        rejected: [],
        cursor: { etag: response.header('etag'), lastModified: response.header('last-modified'), newest },
      };
    },
  };
}

function feedError(key: IngestMessageKey, params: Record<string, string | number>): TextError {
  return new TextError(ingestText(key, params));
}
