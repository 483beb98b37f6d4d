import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { pollFeed } from './poll-feed.ts';

let app: TestApp;
let orgId: string;
let server: http.Server;
let baseUrl: string;
const requests: { path: string; ifNoneMatch: string | undefined; ifModifiedSince?: string | undefined }[] = [];
const LAST_MODIFIED = 'Wed, 04 Nov 2026 10:00:00 GMT';

const rssItems = [
  { guid: 'n1', title: 'Clinic opens new wing', body: 'The clinic opened a new paediatric wing.', date: 'Mon, 02 Nov 2026 09:00:00 GMT' },
  { guid: 'n2', title: 'Patients complain about queues', body: '<p>Patients report <b>long queues</b> at reception.</p>', date: 'Tue, 03 Nov 2026 09:00:00 GMT' },
];

function rssDocument(): string {
  const items = rssItems
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://news.example/${i.guid}</link><description><![CDATA[${i.body}]]></description><pubDate>${i.date}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local news</title>${items}</channel></rss>`;
}

const atomDocument = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>City blog</title><id>urn:blog</id><updated>2026-11-04T10:00:00Z</updated>
<entry><id>urn:blog:1</id><title>Visited the dental clinic</title><link rel="alternate" href="https://blog.example/1"/><published>2026-11-04T10:00:00Z</published><author><name>Lena</name></author><content type="html">&lt;p&gt;The dentist was gentle.&lt;/p&gt;</content></entry>
</feed>`;

beforeAll(async () => {
  // The test's receivers listen on loopback, which only an operator's allow-list opens.
  app = await createTestApp({ config: { outboundAllow: ['127.0.0.1'] } });
  orgId = await app.createOrg('feeds');
  server = http.createServer((req, res) => {
    requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] });
    if (req.url === '/rss') {
      const body = rssDocument();
      const etag = `"${createHash('sha1').update(body).digest('hex')}"`;
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
    }
    if (req.url === '/dated') {
      requests[requests.length - 1]!.ifModifiedSince = req.headers['if-modified-since'];
      if (req.headers['if-modified-since'] === LAST_MODIFIED) return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/atom+xml', 'last-modified': LAST_MODIFIED }).end(atomDocument);
    }
    if (req.url === '/atom') return res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(atomDocument);
    if (req.url === '/broken') return res.writeHead(500).end('oops');
    if (req.url === '/malformed') return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss version="2.0"><channel><item><title>Unclosed</item></channel>');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await app?.close();
});

async function rssSource(name: string, path: string): Promise<string> {
  const row = await app.ctx.db
    .insertInto('sources')
    .values({ org_id: orgId, name, kind: 'rss', platform: 'news', url: `${baseUrl}${path}`, poll_minutes: 30 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const mentionsOf = (sourceId: string) =>
  app.ctx.db.selectFrom('mentions').select(['external_id', 'kind', 'title', 'text', 'url', 'author_handle']).where('source_id', '=', sourceId).orderBy('external_id').execute();
const sourceRow = (sourceId: string) => app.ctx.db.selectFrom('sources').selectAll().where('id', '=', sourceId).executeTakeFirstOrThrow();

let rssId: string;

test('ingests the items of an RSS feed as news mentions', async () => {
  rssId = await rssSource('Local news', '/rss');
  const result = await pollFeed(app.ctx, rssId);
  expect(result).toMatchObject({ status: 'ingested', accepted: 2 });
  const rows = await mentionsOf(rssId);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ external_id: 'n2', kind: 'news', title: 'Patients complain about queues', text: 'Patients report long queues at reception.', url: 'https://news.example/n2' });
  const source = await sourceRow(rssId);
  expect(source.feed_etag).toMatch(/^"[0-9a-f]{40}"$/);
  expect(source.last_poll_error).toBeNull();
});

test('sends If-None-Match and ingests nothing when the feed answers 304', async () => {
  const { feed_etag } = await sourceRow(rssId);
  const result = await pollFeed(app.ctx, rssId);
  expect(result).toEqual({ status: 'not_modified', accepted: 0 });
  expect(requests.at(-1)).toEqual({ path: '/rss', ifNoneMatch: feed_etag });
  expect(await mentionsOf(rssId)).toHaveLength(2);
});

test('ingests only the items newer than the cursor when the feed changes', async () => {
  rssItems.push({ guid: 'n3', title: 'Hotline extended', body: 'The hotline now answers until 22:00.', date: 'Wed, 04 Nov 2026 09:00:00 GMT' });
  const result = await pollFeed(app.ctx, rssId);
  expect(result).toMatchObject({ status: 'ingested', accepted: 1 });
  expect((await mentionsOf(rssId)).map((m) => m.external_id)).toEqual(['n1', 'n2', 'n3']);
  // The older items were skipped by the cursor, not merely deduplicated.
  const run = await app.ctx.db.selectFrom('import_runs').selectAll().where('source_id', '=', rssId).orderBy('started_at', 'desc').executeTakeFirstOrThrow();
  expect(run).toMatchObject({ accepted: 1, duplicates: 0, channel: 'rss' });
  expect((await sourceRow(rssId)).feed_cursor).toEqual(new Date('2026-11-04T09:00:00Z'));
});

test('ingests the entries of an Atom feed', async () => {
  const atomId = await rssSource('City blog', '/atom');
  expect(await pollFeed(app.ctx, atomId)).toMatchObject({ status: 'ingested', accepted: 1 });
  expect(await mentionsOf(atomId)).toEqual([
    { external_id: 'urn:blog:1', kind: 'news', title: 'Visited the dental clinic', text: 'The dentist was gentle.', url: 'https://blog.example/1', author_handle: 'Lena' },
  ]);
});

test('sends If-Modified-Since to a feed that gives Last-Modified and no ETag', async () => {
  const id = await rssSource('Dated blog', '/dated');
  expect((await pollFeed(app.ctx, id)).status).toBe('ingested');
  expect(await pollFeed(app.ctx, id)).toEqual({ status: 'not_modified', accepted: 0 });
  expect(requests.at(-1)).toMatchObject({ path: '/dated', ifModifiedSince: LAST_MODIFIED });
});

test('records an HTTP 500 on the source without throwing', async () => {
  const brokenId = await rssSource('Broken feed', '/broken');
  const result = await pollFeed(app.ctx, brokenId);
  expect(result).toMatchObject({ status: 'failed', accepted: 0, error: expect.stringContaining('500') });
  const source = await sourceRow(brokenId);
  expect(source.last_poll_error).toMatch(/HTTP 500/);
  expect(source.last_polled_at).not.toBeNull();
  expect(await mentionsOf(brokenId)).toEqual([]);
});

test('records a clear error for malformed XML', async () => {
  const malformedId = await rssSource('Malformed feed', '/malformed');
  const result = await pollFeed(app.ctx, malformedId);
  expect(result.status).toBe('failed');
  expect((await sourceRow(malformedId)).last_poll_error).toMatch(/not well-formed XML/);
  expect(await mentionsOf(malformedId)).toEqual([]);
});

test('clears the recorded error once the feed answers again', async () => {
  const id = await rssSource('Flaky feed', '/broken');
  await pollFeed(app.ctx, id);
  await app.ctx.db
    .updateTable('sources')
    .set({ url: `${baseUrl}/atom` })
    .where('id', '=', id)
    .execute();
  expect((await pollFeed(app.ctx, id)).status).toBe('ingested');
  expect((await sourceRow(id)).last_poll_error).toBeNull();
});
