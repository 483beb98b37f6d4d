import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import zlib from 'node:zlib';
import ipaddr from 'ipaddr.js';
import { badRequest } from './errors.ts';
import { renderText, type Text } from './i18n.ts';
import { outboundMessages, type OutboundMessageKey } from './outbound.messages.ts';

/*
 * Every request Verity makes to an address people typed (a feed, a webhook, a chat robot, any
 * future connector) goes through safeFetch: the URL is http(s) without credentials, the host is
 * resolved here and every address it resolves to must be a public unicast one (or lie in the
 * operator's VERITY_OUTBOUND_ALLOW), the connection goes to the very address that was checked
 * (a pinned lookup, so a second DNS answer cannot rebind it), each redirect is checked again,
 * and the answer is read as a stream that stops at a size bound and a deadline for the whole.
 */

/** A refused or failed outbound request; `text` says why in every language and never holds the URL's path (keys live there). */
export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundMessageKey,
    readonly text: Text,
    options?: ErrorOptions,
  ) {
    super(renderText('en', text), options);
    this.name = 'OutboundError';
  }
}

export interface OutboundRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Hosts, addresses or CIDRs (config.outboundAllow) that may be reached although not public. */
  allow: readonly string[];
  /** Deadline for the whole exchange: every DNS look-up, connection, redirect and the body. */
  timeoutMs: number;
  /** The most bytes of (decompressed) body read; more is an OutboundError 'tooLarge'. */
  maxBytes: number;
  /** Redirects followed, each checked again; 0 refuses a redirect. Default 5. */
  maxRedirects?: number;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The URL that answered (after redirects). */
  url: string;
  /** The address connected to. */
  address: string;
  /** True when the answer came from a non-public address the allow-list admitted: show none of its body to people. */
  internal: boolean;
  body: Buffer;
  text(): string;
  header(name: string): string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
type Address = ipaddr.IPv4 | ipaddr.IPv6;

interface AllowList {
  hosts: Set<string>;
  ranges: [Address, number][];
}

/** Parses allow-list entries (host names, addresses, CIDRs); throws naming a malformed CIDR. */
export function parseAllowList(entries: readonly string[]): AllowList {
  const list: AllowList = { hosts: new Set(), ranges: [] };
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry.includes('/')) {
      try {
        const [addr, bits] = ipaddr.parseCIDR(entry);
        list.ranges.push([normalise(addr), addr.kind() === 'ipv6' && normalise(addr).kind() === 'ipv4' ? Math.max(0, bits - 96) : bits]);
      } catch {
        throw new Error(`VERITY_OUTBOUND_ALLOW: '${raw}' is not a CIDR range`);
      }
    } else if (ipaddr.isValid(entry)) {
      const addr = normalise(ipaddr.parse(entry));
      list.ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else list.hosts.add(entry.replace(/\.$/, ''));
  }
  return list;
}

/** An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is checked as the IPv4 address it is. */
function normalise(addr: Address): Address {
  return addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() ? (addr as ipaddr.IPv6).toIPv4Address() : addr;
}

function inRanges(addr: Address, list: AllowList): boolean {
  return list.ranges.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}

/** 'unicast' for a public address, else ipaddr.js's range name (loopback, private, linkLocal, carrierGradeNat, uniqueLocal…). */
export function addressRange(address: string): string {
  return normalise(ipaddr.parse(address)).range();
}

function hostOf(url: URL): string {
  return url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
}

function fail(reason: OutboundMessageKey, params: Record<string, string | number> = {}, cause?: unknown): never {
  throw new OutboundError(reason, outboundMessages.text(reason, params), cause === undefined ? undefined : { cause });
}

/** Parses a target URL: http or https, no user name or password. Throws an OutboundError. */
export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    fail('badUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') fail('badUrl');
  if (url.username || url.password) fail('credentials');
  return url;
}

/**
 * The check when a URL is saved: http(s), no credentials, and not a literal non-public address
 * (127.1, 2130706433, [::ffff:127.0.0.1], 169.254.169.254, 10.x…) nor `localhost`, unless the
 * allow-list admits it. Names are resolved only when a request is made. Returns the refusal, or null.
 */
export function targetUrlRefusal(raw: string, allow: readonly string[]): OutboundError | null {
  try {
    const url = parseTargetUrl(raw);
    const host = hostOf(url);
    const list = parseAllowList(allow);
    if (list.hosts.has(host)) return null;
    if (ipaddr.isValid(host)) {
      const addr = normalise(ipaddr.parse(host));
      if (addr.range() !== 'unicast' && !inRanges(addr, list)) fail('refused', { host: url.host, range: addr.range(), address: addr.toString() });
    } else if (host === 'localhost' || host.endsWith('.localhost')) fail('refused', { host: url.host, range: 'loopback', address: host });
    return null;
  } catch (error) {
    if (error instanceof OutboundError) return error;
    throw error;
  }
}

/** targetUrlRefusal as a 400 naming the host and why (for a route saving a URL). */
export function assertTargetUrl(raw: string, allow: readonly string[]): void {
  const refusal = targetUrlRefusal(raw, allow);
  if (refusal) throw badRequest(refusal.text);
}

/** Resolves the URL's host and checks every address; returns the one to connect to. */
async function resolveTarget(url: URL, list: AllowList): Promise<{ address: string; family: number; internal: boolean }> {
  const host = hostOf(url);
  let found: { address: string; family: number }[];
  if (ipaddr.isValid(host)) found = [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }];
  else {
    try {
      found = await dns.promises.lookup(host, { all: true, verbatim: true });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTFOUND' || code === 'ENODATA' || code === 'EAI_NONAME') fail('notFound', { host: url.host }, error);
      fail('unreachable', { host: url.host, detail: code ?? (error as Error).message }, error);
    }
    if (!found.length) fail('notFound', { host: url.host });
  }
  const hostAllowed = list.hosts.has(host);
  let internal = false;
  for (const { address } of found) {
    const addr = normalise(ipaddr.parse(address));
    if (addr.range() === 'unicast') continue;
    if (!hostAllowed && !inRanges(addr, list)) fail('refused', { host: url.host, range: addr.range(), address: addr.toString() });
    internal = true;
  }
  return { ...found[0]!, internal };
}

/** A lookup that answers the checked address whatever the socket asks, so the connection cannot be rebound. */
function pinned(address: string, family: number): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

/**
 * Makes a request to a URL people gave, with the checks above. Resolves with the answer of any
 * status (the caller decides what a 4xx means); throws an OutboundError when the target is
 * refused, does not answer in time, answers more than `maxBytes` or redirects too often.
 */
export async function safeFetch(raw: string, options: OutboundRequest): Promise<OutboundResponse> {
  const list = parseAllowList(options.allow);
  const maxRedirects = options.maxRedirects ?? 5;
  const controller = new AbortController();
  let timedOut = false;
  let url = parseTargetUrl(raw);
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const timeout = () => fail('timeout', { host: url.host, seconds: options.timeoutMs / 1000 });
  const abortable = <T>(promise: Promise<T>) =>
    Promise.race([promise, new Promise<never>((_resolve, reject) => controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }))]);
  let method = options.method ?? 'GET';
  let body = options.body;
  const headers: Record<string, string> = { 'accept-encoding': 'gzip, deflate, br', ...options.headers };
  try {
    for (let hop = 0; ; hop++) {
      const target = await abortable(resolveTarget(url, list));
      const res = await abortable(send(url, target, { method, headers, body, signal: controller.signal }));
      const location = res.headers.location;
      if (REDIRECTS.has(res.statusCode ?? 0) && location) {
        res.destroy();
        if (maxRedirects === 0) fail('redirectRefused', { host: url.host, status: res.statusCode ?? 0 });
        if (hop >= maxRedirects) fail('redirects', { host: url.host, count: maxRedirects });
        const next = parseTargetUrl(new URL(location, url).href);
        if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          for (const h of Object.keys(headers)) if (/^content-/i.test(h)) delete headers[h];
        }
        if (next.origin !== url.origin) for (const h of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(h)) delete headers[h];
        url = next;
        continue;
      }
      const length = Number(res.headers['content-length'] ?? 0);
      if (length > options.maxBytes) {
        res.destroy();
        fail('tooLarge', { host: url.host, megabytes: round(options.maxBytes / 1024 / 1024) });
      }
      const bytes = await readBounded(res, options.maxBytes, () => fail('tooLarge', { host: url.host, megabytes: round(options.maxBytes / 1024 / 1024) }));
      const answeredUrl = url.href;
      return {
        status: res.statusCode ?? 0,
        headers: res.headers,
        url: answeredUrl,
        address: target.address,
        internal: target.internal,
        body: bytes,
        text: () => bytes.toString('utf8'),
        header: (name) => {
          const v = res.headers[name.toLowerCase()];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        },
      };
    }
  } catch (error) {
    if (error instanceof OutboundError) throw error;
    if (timedOut) timeout();
    const e = error as NodeJS.ErrnoException;
    fail('unreachable', { host: url.host, detail: e.code ?? e.message }, error);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function send(url: URL, target: { address: string; family: number }, o: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal }): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const mod = url.protocol === 'https:' ? https : http;
    const headers = { ...o.headers };
    if (o.body !== undefined) headers['content-length'] = String(Buffer.byteLength(o.body));
    const req = mod.request(url, { method: o.method, headers, agent: false, lookup: pinned(target.address, target.family), signal: o.signal }, resolve);
    req.on('error', reject);
    req.end(o.body);
  });
}

/** Reads the body, decompressing gzip/deflate/br, and stops (destroying the stream) past `max` bytes. */
async function readBounded(res: http.IncomingMessage, max: number, tooLarge: () => never): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'deflate' ? zlib.createInflate() : encoding === 'br' ? zlib.createBrotliDecompress() : null;
  const stream: Readable = decoder ? pipeline(res, decoder, () => undefined) : res;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > max) tooLarge();
      chunks.push(chunk as Buffer);
    }
  } finally {
    stream.destroy();
    res.destroy();
  }
  return Buffer.concat(chunks);
}
