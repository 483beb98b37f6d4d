import { XMLParser } from 'fast-xml-parser';
import { ingestText, TextError } from '../ingest-errors.ts';
import type { MentionInput } from '../mention-input.ts';

export interface FeedItem {
  mention: MentionInput;
  publishedAt: Date | null;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '#text', processEntities: true, htmlEntities: true });

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (typeof value === 'object' && '#text' in (value as object)) return String((value as Record<string, unknown>)['#text'] ?? '');
  return '';
}

/** Strips markup from feed HTML, keeping the words; the result is stored as untrusted text. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** A feed's link as a mention's URL: only an http(s) address; a `javascript:`, `data:` or broken link is dropped, never stored for a page to link. */
export function httpLink(link: string): string | null {
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? link : null;
  } catch {
    return null;
  }
}

function date(value: unknown): Date | null {
  const s = text(value).trim();
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Parses an RSS 2.0 or Atom document into mentions; throws a TextError naming the problem when it is neither. */
export function parseFeed(xml: string): FeedItem[] {
  let doc: Record<string, unknown>;
  try {
    doc = parser.parse(xml, true) as Record<string, unknown>;
  } catch (error) {
    throw new TextError(ingestText('feed.notXml', { detail: (error as Error).message.split('\n')[0] ?? '' }));
  }
  const rss = doc.rss as { channel?: { item?: unknown } } | undefined;
  const atom = doc.feed as { entry?: unknown } | undefined;
  if (rss?.channel) {
    return list(rss.channel.item as Record<string, unknown>[] | undefined).flatMap((item) => {
      const body = htmlToText(text(item['content:encoded']) || text(item.description));
      const title = htmlToText(text(item.title));
      const link = text(item.link).trim();
      const publishedAt = date(item.pubDate) ?? date(item['dc:date']);
      const mentionText = body || title;
      if (!mentionText) return [];
      return [
        {
          publishedAt,
          mention: {
            kind: 'news' as const,
            externalId: text(item.guid).trim() || link || null,
            url: httpLink(link),
            title: body ? title || null : null,
            text: mentionText,
            authorHandle: text(item.author || item['dc:creator']).trim() || null,
            publishedAt,
          },
        },
      ];
    });
  }
  if (atom) {
    return list(atom.entry as Record<string, unknown>[] | undefined).flatMap((entry) => {
      const links = list(entry.link as Record<string, unknown> | Record<string, unknown>[] | undefined);
      const link = String((links.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? links[0])?.['@href'] ?? '');
      const body = htmlToText(text(entry.content) || text(entry.summary));
      const title = htmlToText(text(entry.title));
      const publishedAt = date(entry.published) ?? date(entry.updated);
      const mentionText = body || title;
      if (!mentionText) return [];
      const author = entry.author as Record<string, unknown> | undefined;
      return [
        {
          publishedAt,
          mention: {
            kind: 'news' as const,
            externalId: text(entry.id).trim() || link || null,
            url: httpLink(link),
            title: body ? title || null : null,
            text: mentionText,
            authorHandle: text(author?.name).trim() || null,
            publishedAt,
          },
        },
      ];
    });
  }
  throw new TextError(ingestText('feed.neither'));
}
