import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OutboundError, safeFetch, targetUrlRefusal, type OutboundRequest } from './outbound.ts';

/*
 * SSRF: every form of a loopback, private, link-local or metadata address is refused before a
 * connection is made (the local server below must see no request), DNS names are checked after
 * resolution, each redirect is checked again, and size and time are bounded while streaming.
 */

let server: http.Server;
let port: number;
const hits: string[] = [];
const SECRET = 'INTERNAL-ADMIN-TOKEN-7f3a';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/ok':
        return res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${SECRET}`);
      case '/to': // a redirect to wherever ?u= says
        return res.writeHead(302, { location: url.searchParams.get('u')! }).end();
      case '/loop':
        return res.writeHead(301, { location: '/loop' }).end();
      case '/big': // 2 MB with a content-length
        return res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024, 0x61));
      case '/chunked': {
        // No content-length: chunks until the client stops reading (or 64 MB).
        res.writeHead(200, { 'content-type': 'text/plain' });
        let sent = 0;
        const chunk = Buffer.alloc(64 * 1024, 0x62);
        const pump = () => {
          while (sent < 64 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (sent = Infinity));
        return pump();
      }
      case '/bomb': // 64 MB of zeros, about 64 KB on the wire
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(bomb);
      case '/gzip':
        return res.writeHead(200, { 'content-encoding': 'gzip' }).end(gzipSync(Buffer.from('<rss>zipped</rss>')));
      case '/trickle': // headers at once, then a byte a second for ever
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a');
        {
          const timer = setInterval(() => res.write('a'), 1000);
          res.on('close', () => clearInterval(timer));
        }
        return;
      default:
        return res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
const base = (over: Partial<OutboundRequest> = {}): OutboundRequest => ({ allow: [], timeoutMs: 5000, maxBytes: 1024 * 1024, ...over });

async function refusal(url: string, over: Partial<OutboundRequest> = {}): Promise<OutboundError> {
  const error = await safeFetch(url, base(over)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, url).toBeInstanceOf(OutboundError);
  return error as OutboundError;
}

describe('refused targets: no request leaves', () => {
  const forms = () => [
    `http://127.0.0.1:${port}/ok`,
    `http://127.1:${port}/ok`,
    `http://2130706433:${port}/ok`,
    `http://0x7f000001:${port}/ok`,
    `http://0x7f.1:${port}/ok`,
    `http://0177.0.0.1:${port}/ok`,
    `http://127.0.0.1.:${port}/ok`,
    `http://[::1]:${port}/ok`,
    `http://[::ffff:127.0.0.1]:${port}/ok`,
    `http://[::ffff:7f00:1]:${port}/ok`,
    `http://localhost:${port}/ok`,
    `http://LOCALHOST.:${port}/ok`,
    `http://0.0.0.0:${port}/ok`,
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'http://[fd00:ec2::254]/latest/meta-data/',
    'http://100.100.100.200/latest/meta-data/', // Alibaba Cloud's metadata (carrier-grade NAT range)
    'http://10.0.0.1/',
    'http://172.16.0.1/',
    'http://192.168.1.1/',
    'http://[fe80::1]/',
    'http://[fc00::1]/',
    'http://224.0.0.1/',
    'http://255.255.255.255/',
  ];

  test('every spelling of loopback, private, link-local, metadata and multicast', async () => {
    const before = hits.length;
    for (const url of forms()) {
      const error = await refusal(url);
      expect(error.reason, url).toBe('refused');
      expect(error.message, url).toContain('VERITY_OUTBOUND_ALLOW');
      expect(error.message, url).not.toContain('/ok');
    }
    expect(hits.length).toBe(before);
  });

  test('a redirect from an allowed server to loopback or metadata is refused at the hop', async () => {
    const allow = ['127.0.0.1'];
    for (const target of [`http://[::1]:${port}/ok`, 'http://169.254.169.254/latest/meta-data/', `http://127.2:${port}/ok`]) {
      const before = hits.length;
      const error = await refusal(`http://127.0.0.1:${port}/to?u=${encodeURIComponent(target)}`, { allow });
      expect(error.reason, target).toBe('refused');
      expect(hits.length - before, target).toBe(1); // the first hop only
    }
  });

  test('a redirect to another scheme, or with credentials, is refused', async () => {
    expect((await refusal(`http://127.0.0.1:${port}/to?u=${encodeURIComponent('file:///etc/passwd')}`, { allow: ['127.0.0.1'] })).reason).toBe('badUrl');
    expect((await refusal(`http://127.0.0.1:${port}/to?u=${encodeURIComponent('gopher://127.0.0.1:6379/_FLUSHALL')}`, { allow: ['127.0.0.1'] })).reason).toBe('badUrl');
    expect((await refusal('http://user:pass@example.com/')).reason).toBe('credentials');
    expect((await refusal('ftp://example.com/')).reason).toBe('badUrl');
  });

  test('redirects are capped, and refused where the caller follows none', async () => {
    expect((await refusal(`http://127.0.0.1:${port}/loop`, { allow: ['127.0.0.1'] })).reason).toBe('redirects');
    expect((await refusal(`http://127.0.0.1:${port}/to?u=%2Fok`, { allow: ['127.0.0.1'], maxRedirects: 0 })).reason).toBe('redirectRefused');
  });
});

describe('the allow-list', () => {
  test('an address, a CIDR or a host name admits it; the answer is marked internal', async () => {
    for (const allow of [['127.0.0.1'], ['127.0.0.0/8'], ['::ffff:127.0.0.0/104'], ['localhost']]) {
      const url = allow[0] === 'localhost' ? `http://localhost:${port}/ok` : `http://127.1:${port}/ok`;
      const res = await safeFetch(url, base({ allow }));
      expect(res.status, String(allow)).toBe(200);
      expect(res.text()).toContain('hello');
      expect(res.internal).toBe(true);
    }
  });

  test('admits only what it lists', async () => {
    expect((await refusal('http://10.0.0.1/', { allow: ['127.0.0.1', '192.168.0.0/16'] })).reason).toBe('refused');
    expect((await refusal(`http://localhost:${port}/ok`, { allow: ['10.0.0.0/8'] })).reason).toBe('refused');
  });

  test('a redirect within the allow-list is followed and re-checked', async () => {
    const res = await safeFetch(`http://127.0.0.1:${port}/to?u=%2Fgzip`, base({ allow: ['127.0.0.1'] }));
    expect(res.status).toBe(200);
    expect(res.text()).toBe('<rss>zipped</rss>');
    expect(res.url).toBe(`http://127.0.0.1:${port}/gzip`);
  });
});

describe('size and time limits', () => {
  const allow = ['127.0.0.1'];

  test('a body over the bound is refused: by content-length, while streaming, and decompressed', async () => {
    expect((await refusal(`http://127.0.0.1:${port}/big`, { allow })).reason).toBe('tooLarge');
    expect((await refusal(`http://127.0.0.1:${port}/chunked`, { allow })).reason).toBe('tooLarge');
    const heap = process.memoryUsage().heapUsed;
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect((await refusal(`http://127.0.0.1:${port}/bomb`, { allow })).reason).toBe('tooLarge');
    // 64 MB decompressed would show; the stream stopped near the 1 MB bound.
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(32 * 1024 * 1024);
  });

  test('a target that trickles its answer fails at the deadline of the whole exchange', async () => {
    const started = Date.now();
    const error = await refusal(`http://127.0.0.1:${port}/trickle`, { allow, timeoutMs: 1500 });
    expect(error.reason).toBe('timeout');
    expect(error.message).toContain('no answer within 1.5 s');
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('the check when a URL is saved', () => {
  test('refuses literal non-public addresses and localhost, admits names and public addresses', () => {
    for (const url of [
      'http://127.1/',
      'http://2130706433/',
      'http://[::ffff:127.0.0.1]/',
      'http://169.254.169.254/',
      'http://10.1.2.3/',
      'http://localhost:3000/api/auth/me',
      'http://app.localhost/',
    ]) {
      expect(targetUrlRefusal(url, [])?.reason, url).toBe('refused');
    }
    expect(targetUrlRefusal('http://user:pw@hooks.example/', [])?.reason).toBe('credentials');
    for (const url of ['https://hooks.slack.com/services/T/B/x', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', 'http://93.184.215.14/feed']) {
      expect(targetUrlRefusal(url, []), url).toBeNull();
    }
    expect(targetUrlRefusal('http://127.0.0.1:9/hook', ['127.0.0.1'])).toBeNull();
    expect(targetUrlRefusal('http://localhost:9/hook', ['localhost'])).toBeNull();
  });
});
