/**
 * npm run bench:survey   (BENCH_SECONDS=60 by default; BENCH_CONNECTIONS=16)
 * Starts Verity in-process on a fresh PostgreSQL database (DATABASE_URL) and separately on a fresh
 * PGlite directory, creates an organisation with an active survey and a link, and has autocannon
 * POST complete submissions to the public endpoint (a new response token per request) for
 * BENCH_SECONDS; then counts the rows: lost = acknowledged (2xx) − stored submitted responses,
 * duplicated = stored − distinct tokens (plus mentions beyond one per response). It also weighs
 * the survey page (bytes of GET /s/:token, headers included; no gzip) and runs Lighthouse
 * (mobile profile, Debian's Chromium) on it for performance and accessibility.
 * Last line: {"postgres":{submitsPerSec,p95Ms,lost,duplicated,…},"pglite":{…},"pageKB":…,"lighthousePerformance":…,"lighthouseAccessibility":…}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { openContext, type OpenContext } from '../src/app.ts';
import { freshPostgresDatabase } from '../src/db/fresh-database.ts';
import { buildServer } from '../src/server.ts';
import { insertLink, insertSurvey, setReviewLinks, TWO_PAGE_SURVEY } from '../src/surveys/public/test-fixture.ts';
import type { SurveyDefinitionType } from '../src/surveys/survey-definition.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);

interface AutocannonResult {
  requests: { average: number };
  latency: { p95: number; p97_5: number; p99: number; average: number; p90: number };
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
}

/** The survey the benchmark answers: the outpatient shape in one page (NPS, the four-dimension rating, why). */
const SURVEY: SurveyDefinitionType = { intro: TWO_PAGE_SURVEY.intro, pages: [{ questions: TWO_PAGE_SURVEY.pages.flatMap((p) => p.questions) }], thanks: TWO_PAGE_SURVEY.thanks };
const WHY = ['Врач внимательно выслушал', '排队等了很久，护士态度很好', 'The receptionist was rude', 'Чисто и быстро', '', ''];

interface StoreResult {
  submitsPerSec: number;
  p95Ms: number;
  lost: number;
  duplicated: number;
  acknowledged: number;
  stored: number;
  mentions: number;
  non2xx: number;
  errors: number;
}

async function setUp(ctx: OpenContext): Promise<{ token: string; linkId: string; orgId: string }> {
  const org = await ctx.db
    .insertInto('organisations')
    .values({ slug: `bench-${randomBytes(3).toString('hex')}`, name: 'Bench Clinic' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const surveyId = await insertSurvey(ctx.db, org.id, SURVEY);
  const link = await insertLink(ctx.db, org.id, surveyId, { locale: 'ru' });
  await setReviewLinks(ctx.db, org.id, [
    { label: 'Яндекс Карты', url: 'https://yandex.example/maps/org/1' },
    { label: '2ГИС', url: 'https://2gis.example/firm/1' },
  ]);
  return { token: link.token, linkId: link.id, orgId: org.id };
}

async function start(ctx: OpenContext) {
  const server = await buildServer(ctx);
  await server.listen({ port: 0, host: '127.0.0.1' });
  return { server, base: `http://127.0.0.1:${(server.server.address() as AddressInfo).port}` };
}

/** The page as transferred: status line, headers and body, in bytes. */
function pageBytes(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let bytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2) bytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve(bytes));
      })
      .on('error', reject);
  });
}

/**
 * The load, from a child process (so that autocannon's own work does not share Verity's event
 * loop): complete one-page submissions, each with a response token of its own.
 */
const LOAD = `
import autocannon from 'autocannon';
const { BENCH_URL, BENCH_PATH, BENCH_SECONDS, BENCH_CONNECTIONS, BENCH_PREFIX } = process.env;
const WHY = ${JSON.stringify(WHY)};
let n = 0;
// Every response's time, for an exact 95th percentile (autocannon's summary has p90 and p97.5 only).
const times = [];
const instance = autocannon({
  url: BENCH_URL, connections: Number(BENCH_CONNECTIONS), duration: Number(BENCH_SECONDS),
  requests: [{
    method: 'POST', path: BENCH_PATH, headers: { 'content-type': 'application/x-www-form-urlencoded' },
    setupRequest: (req) => {
      const i = n++;
      const body = new URLSearchParams({
        rt: 'bench' + BENCH_PREFIX + i.toString(36).padStart(8, '0'), page: '0', action: 'submit', 'q.nps': String(i % 11),
        'q.doctor.listening': String(1 + (i % 4)), 'q.doctor.clarity': String(1 + ((i >> 2) % 4)), 'q.doctor.shared_decisions': '3', 'q.doctor.privacy': '4',
        'q.why': WHY[i % WHY.length],
      });
      return { ...req, body: body.toString() };
    },
  }],
});
instance.on('response', (client, statusCode, resBytes, responseTime) => times.push(responseTime));
const result = await instance;
times.sort((a, b) => a - b);
const p95 = times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)] : 0;
process.stdout.write(JSON.stringify({ '2xx': result['2xx'], non2xx: result.non2xx, errors: result.errors, timeouts: result.timeouts, duration: result.duration, latency: { ...result.latency, p95 }, requests: result.requests }));
`;

function hammer(base: string, token: string): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', LOAD], {
      cwd: process.cwd(),
      env: { ...process.env, BENCH_URL: base, BENCH_PATH: `/s/${token}`, BENCH_SECONDS: String(SECONDS), BENCH_CONNECTIONS: String(CONNECTIONS), BENCH_PREFIX: randomBytes(6).toString('base64url') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as AutocannonResult) : reject(new Error(`autocannon exited with ${code}`))));
  });
}

/** The rows, read in one snapshot once they stop changing (a handler whose socket autocannon closed may still be committing). */
async function count(ctx: OpenContext, linkId: string, orgId: string): Promise<{ stored: number; distinct: number; mentions: number }> {
  const read = async () => {
    const r = await sql<{ stored: string; distinct: string; mentions: string }>`
      SELECT (SELECT count(*) FROM survey_responses WHERE link_id = ${linkId} AND status = 'submitted') AS stored,
             (SELECT count(DISTINCT token) FROM survey_responses WHERE link_id = ${linkId} AND status = 'submitted') AS distinct,
             (SELECT count(*) FROM mentions WHERE org_id = ${orgId} AND kind = 'survey_text') AS mentions`.execute(ctx.db);
    const row = r.rows[0]!;
    return { stored: Number(row.stored), distinct: Number(row.distinct), mentions: Number(row.mentions) };
  };
  let last = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await read();
    if (now.stored === last.stored && now.mentions === last.mentions) return now;
    last = now;
  }
}

async function lighthouseScores(url: string): Promise<{ performance: number; accessibility: number }> {
  const chromeLauncher = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const categories = result!.lhr.categories;
    for (const audit of Object.values(result!.lhr.audits)) if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') console.log(`  lighthouse: ${audit.id} failed`);
    return { performance: Math.round((categories.performance?.score ?? 0) * 100), accessibility: Math.round((categories.accessibility?.score ?? 0) * 100) };
  } finally {
    await chrome.kill();
  }
}

async function benchStore(label: string, config: { databaseUrl: string | null; dataDir: string | null }, extra?: (base: string, token: string) => Promise<void>): Promise<StoreResult> {
  const ctx = await openContext({ config: { ...config, logLevel: 'silent' }, queue: 'send' });
  try {
    const { token, linkId, orgId } = await setUp(ctx);
    const { server, base } = await start(ctx);
    let closed = false;
    try {
      if (extra) await extra(base, token);
      console.log(`${label}: ${SECONDS} s of submissions, ${CONNECTIONS} connections…`);
      const result = await hammer(base, token);
      // Requests still in flight when the load stopped finish before anything is counted.
      await server.close();
      closed = true;
      const { stored, distinct, mentions } = await count(ctx, linkId, orgId);
      const acknowledged = result['2xx'];
      const out: StoreResult = {
        submitsPerSec: Math.round((acknowledged / result.duration) * 10) / 10 || Math.round(result.requests.average),
        // The 95th percentile of every response's time, measured in the load process.
        p95Ms: Math.round(result.latency.p95),
        // A request still in flight when autocannon stopped is stored but not acknowledged: that is not a loss.
        lost: Math.max(0, acknowledged - stored),
        duplicated: stored - distinct + Math.max(0, mentions - stored),
        acknowledged,
        stored,
        mentions,
        non2xx: result.non2xx,
        errors: result.errors + result.timeouts,
      };
      console.log(`${label}: ${JSON.stringify(out)} (latency avg ${result.latency.average} ms, p90 ${result.latency.p90} ms, p95 ${result.latency.p95} ms, p97.5 ${result.latency.p97_5} ms)`);
      return out;
    } finally {
      if (!closed) await server.close();
    }
  } finally {
    await ctx.close();
  }
}

const summary: Record<string, unknown> = {};
let pageKB = 0;
let lighthouse = { performance: 0, accessibility: 0 };
const measurePage = async (base: string, token: string) => {
  pageKB = Math.round(((await pageBytes(`${base}/s/${token}`)) / 1024) * 10) / 10;
  console.log(`survey page: ${pageKB} KB transferred`);
  lighthouse = await lighthouseScores(`${base}/s/${token}`);
  console.log(`lighthouse (mobile): performance ${lighthouse.performance}, accessibility ${lighthouse.accessibility}`);
};

if (process.env.DATABASE_URL) {
  const pgDb = await freshPostgresDatabase(process.env.DATABASE_URL, 'verity_bench');
  try {
    summary.postgres = await benchStore('postgres', { databaseUrl: pgDb.url, dataDir: null }, measurePage);
  } finally {
    await pgDb.drop();
  }
} else console.log('DATABASE_URL is not set: PostgreSQL skipped');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-survey-'));
try {
  summary.pglite = await benchStore('pglite', { databaseUrl: null, dataDir: dir }, summary.postgres ? undefined : measurePage);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(JSON.stringify({ postgres: summary.postgres ?? null, pglite: summary.pglite, pageKB, lighthousePerformance: lighthouse.performance, lighthouseAccessibility: lighthouse.accessibility }));
process.exit(0);
