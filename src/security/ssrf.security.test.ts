import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pollFeed } from '../ingest/poll-feed.ts';
import { enqueueNotification } from '../notifications/enqueue-notification.ts';
import { eventually } from '../notifications/test-receivers.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

/*
 * SSRF with read-back, as the probe found it: a channel or feed pointed at loopback, `127.1`, an
 * integer address, the cloud metadata service or Verity's own API. Each is refused when saved
 * (a literal address) or when the request is made (a name, a redirect, an allow-list entry since
 * removed), the internal server sees no request, and the delivery list and the source's error
 * quote nothing an internal server answered.
 */

const SECRET = 'INTERNAL-ONLY-8c41e2';
let app: TestApp;
let admin: TestClient;
let orgId: string;
let internal: http.Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  internal = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/to-metadata') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (req.url === '/to-self') return res.writeHead(302, { location: `http://[::1]:${(internal.address() as AddressInfo).port}/feed` }).end();
    if (req.url === '/feed')
      return res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><item><guid>g1</guid><title>${SECRET}</title></item></channel></rss>`);
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal', token: SECRET, users: [{ email: 'root@internal' }] }));
  });
  await new Promise<void>((resolve) => internal.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(internal.address() as AddressInfo).port}`;
  // The default: nothing internal is allowed (set explicitly, so VERITY_OUTBOUND_ALLOW in the environment cannot loosen it).
  app = await createTestApp({ workers: true, config: { outboundAllow: [], deliveryRetryDelaySeconds: 0 } });
  orgId = await app.createOrg('ssrf');
  admin = await app.userClient(orgId, 'admin');
});
afterAll(async () => {
  await app?.close();
  internal.closeAllConnections();
  await new Promise((resolve) => internal.close(resolve));
});

/** Runs `fn` with the operator's allow-list set to `allow`, then strict again. */
async function withAllow<T>(allow: string[], fn: () => Promise<T>): Promise<T> {
  app.ctx.config.outboundAllow = allow;
  try {
    return await fn();
  } finally {
    app.ctx.config.outboundAllow = [];
  }
}

const port = () => (internal.address() as AddressInfo).port;

describe('saving a channel or a feed', () => {
  test('refuses every literal internal target with a 400 naming why', async () => {
    const configs = (url: string) => [
      { kind: 'webhook', config: { url, secret: 'webhook-secret-1' } },
      { kind: 'slack', config: { url } },
      { kind: 'wecom', config: { url: `${url}?key=k` } },
      { kind: 'dingtalk', config: { url: `${url}?access_token=t` } },
      { kind: 'telegram', config: { botToken: '1:abc', chatId: 1, apiBase: url } },
    ];
    // Several spellings against one kind, every kind against one more; every other spelling is in
    // core/outbound.security.test.ts, here each reaches its 400 through the route.
    const spellings = [`http://127.1:${port()}/hook`, `http://2130706433:${port()}/hook`, `http://[::ffff:127.0.0.1]:${port()}/hook`, 'http://169.254.169.254/latest/meta-data/'];
    const tried = [...spellings.map((url) => configs(url)[0]!), ...configs(`http://[::1]:${port()}/hook`).slice(1)];
    for (const body of tried) {
      const res = await admin.post('/api/alert-channels', { name: 'Probe', ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.message, JSON.stringify(body)).toMatch(/VERITY_OUTBOUND_ALLOW/);
    }
    // Verity's own API and a private address as feeds.
    for (const url of ['http://localhost:3000/api/auth/me', 'http://10.0.0.5/feed']) {
      const feed = await admin.post('/api/sources', { name: `Feed ${url}`, kind: 'rss', url });
      expect(feed.statusCode, `rss ${url}`).toBe(400);
      expect(feed.json().error.message).toMatch(/loopback|private/);
    }
    // Readers see the refusal in their language.
    const ru = await admin.request({ method: 'POST', url: '/api/sources', payload: { name: 'Лента', kind: 'rss', url: 'http://127.1/feed' }, headers: { 'accept-language': 'ru' } });
    expect(ru.json().error.message).toContain('Verity не отправляет запросы');
    expect(hits).toEqual([]);
    expect(await app.ctx.db.selectFrom('alert_channels').select('id').where('org_id', '=', orgId).execute()).toEqual([]);
  });

  test('admits an internal target the operator allow-lists', async () => {
    const res = await withAllow(['127.0.0.1'], () => admin.post('/api/alert-channels', { name: 'Relay', kind: 'webhook', config: { url: `${base}/relay`, secret: 'relay-secret-1' } }));
    expect(res.statusCode).toBe(201);
    await admin.delete(`/api/alert-channels/${res.json().channel.id}`);
  });
});

describe('sending and polling', () => {
  const notify = (title: string, channelIds: string[]) => app.ctx.db.transaction().execute((trx) => enqueueNotification(app.ctx.boss, trx, { orgId, title, text: 'x', channelIds }));
  const deadDelivery = (title: string) =>
    eventually(
      async () => (await admin.get('/api/deliveries')).json().items.find((d: { title: string; status: string }) => d.title === title && d.status === 'dead'),
      30_000,
      `a dead delivery '${title}'`,
    );

  test('a channel whose target is no longer allowed is refused at delivery, at once and for good, and the target sees nothing', async () => {
    const created = await withAllow(['127.0.0.1'], () => admin.post('/api/alert-channels', { name: 'Was allowed', kind: 'webhook', config: { url: `${base}/was-allowed`, secret: 'was-allowed-1' } }));
    expect(created.statusCode).toBe(201);
    const before = hits.length;
    await notify('Refused at delivery', [created.json().channel.id]);
    const dead = await deadDelivery('Refused at delivery');
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toMatch(/loopback address \(127\.0\.0\.1\).*VERITY_OUTBOUND_ALLOW/);
    expect(hits.length).toBe(before);
  });

  test('the delivery list quotes nothing of an allow-listed internal answer', async () => {
    app.ctx.config.outboundAllow = ['127.0.0.1'];
    try {
      const created = await admin.post('/api/alert-channels', { name: 'Internal 500', kind: 'webhook', config: { url: `${base}/admin/users`, secret: 'internal-500-1' } });
      expect(created.statusCode).toBe(201);
      await notify('Read back', [created.json().channel.id]);
      // The first failed attempt is enough: its error is what the list shows.
      const dead = await eventually(
        async () => (await admin.get('/api/deliveries')).json().items.find((d: { title: string; lastError: string | null }) => d.title === 'Read back' && d.lastError),
        30_000,
        'a failed attempt',
      );
      expect(dead.lastError).toContain('HTTP 500');
      expect(JSON.stringify(dead)).not.toContain(SECRET);
      expect(JSON.stringify(dead)).not.toContain('root@internal');
      const row = await app.ctx.db.selectFrom('notification_deliveries').select(['last_error', 'last_error_message']).where('id', '=', dead.id).executeTakeFirstOrThrow();
      expect(JSON.stringify(row)).not.toContain(SECRET);
    } finally {
      app.ctx.config.outboundAllow = [];
    }
  });

  test('a feed at a name that resolves to loopback, or redirecting to metadata or [::1], fails the poll without a request to the target', async () => {
    const named = await withAllow(['localhost'], () => admin.post('/api/sources', { name: 'Named feed', kind: 'rss', url: `http://localhost:${port()}/feed` }));
    expect(named.statusCode).toBe(201);
    const before = hits.length;
    const result = await pollFeed(app.ctx, named.json().source.id);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/loopback address \(127\.0\.0\.1\)/);
    expect(hits.length).toBe(before);
    const source = (await admin.get('/api/sources')).json().items.find((s: { id: string }) => s.id === named.json().source.id);
    expect(source.lastPollError).toMatch(/VERITY_OUTBOUND_ALLOW/);

    for (const [path, refused] of [
      ['/to-metadata', /linkLocal address \(169\.254\.169\.254\)/],
      ['/to-self', /loopback address \(::1\)/],
    ] as const) {
      const redirecting = await withAllow(['127.0.0.1'], () => admin.post('/api/sources', { name: `Redirect ${path}`, kind: 'rss', url: `${base}${path}` }));
      expect(redirecting.statusCode).toBe(201);
      const polled = await withAllow(['127.0.0.1'], () => pollFeed(app.ctx, redirecting.json().source.id));
      expect(polled.status, path).toBe('failed');
      expect(polled.error, path).toMatch(refused);
      expect(JSON.stringify(polled)).not.toContain(SECRET);
    }
    const mentions = await app.ctx.db.selectFrom('mentions').select('id').where('org_id', '=', orgId).execute();
    expect(mentions).toEqual([]);
  });
});
