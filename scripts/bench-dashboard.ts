/**
 * npm run bench:dashboard   (BENCH_MENTIONS=1000000 by default; BENCH_STORES=pglite,postgres; BENCH_REQUESTS=200)
 * Generates BENCH_MENTIONS analysed mentions (sentiment, aspects with polarity, risks) across 50
 * locations and 20 departments over two years, some thousands of cases and ~50,000 survey answers,
 * on PGlite and on PostgreSQL (DATABASE_URL or the local server, into a fresh database; skipped with
 * a note when unreachable). Measures:
 *  - the bulk insert of the mentions the way the ingest writes them (INSERT … SELECT FROM unnest,
 *    10,000 rows a statement, with the rollup triggers) against COPY of the same rows into a copy of
 *    the table without triggers (same indexes): importVsCopy = insert seconds / COPY seconds;
 *  - the rollup build from the dirty days (refreshSeconds);
 *  - p50/p95 of BENCH_REQUESTS requests each to the overview, heat map and pain-point endpoints
 *    through the real HTTP server (inject), periods of 30–365 days, with and without a location or
 *    department, as leadership and as a department head.
 * Last line: {"pglite":{"p50Ms","p95Ms",…},"postgres":{…},"importVsCopy":…,"refreshSeconds":…}
 * (p50/p95 over the three endpoints; importVsCopy and refreshSeconds of PostgreSQL when it ran).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { openContext, type OpenContext } from '../src/app.ts';
import { createUser } from '../src/auth/create-user.ts';
import { freshPostgresDatabase } from '../src/db/fresh-database.ts';
import { buildServer } from '../src/server.ts';
import { refreshRollups } from '../src/views/dashboards/index.ts';
import { insertSurvey } from '../src/views/survey-reports/report-fixtures.ts';

const MENTIONS = Number(process.env.BENCH_MENTIONS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const STORES = (process.env.BENCH_STORES ?? 'pglite,postgres').split(',');
const LOCAL_PG = 'postgres://postgres:verity@127.0.0.1:5432/postgres';
const BATCH = 10_000;
const DAYS = 730;
const DAY_MS = 86_400_000;
const END = Date.parse('2026-11-30T00:00:00Z');
const PASSWORD = 'bench password 1';

const ASPECTS = [
  'outcome.efficacy',
  'process.waiting',
  'process.registration',
  'process.communication.listening',
  'process.communication.clarity',
  'process.attitude',
  'process.environment',
  'brand.price',
  'brand.overtreatment',
  'relationship.followup',
];
const RISKS = ['medical_error', 'safety_incident', 'legal_threat', 'privacy_breach'];
const TEXTS = ['医生很耐心，解释得很清楚', '排队等了三个小时，太失望了', '护士态度很好，环境干净', '收费不透明，乱开检查', '挂号很方便，复诊有提醒', '前台服务冷淡，电话没人接'];
const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;

/** A small fast deterministic generator (the same rows on both stores). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Units {
  orgId: string;
  locations: string[];
  departments: string[];
  sources: string[];
}

const COLUMNS = [
  'org_id',
  'source_id',
  'kind',
  'external_key',
  'content_hash',
  'author_handle',
  'text',
  'lang',
  'published_at',
  'location_id',
  'department_id',
  'rating_raw',
  'rating_scale',
  'rating',
  'status',
  'analysis',
  'analysis_version',
  'analysed_at',
  'sentiment',
  'aspects',
  'risks',
] as const;

/** One batch of generated rows, column by column (text values; arrays as PostgreSQL array literals). */
function batchRows(units: Units, start: number, count: number): string[][] {
  const cols: string[][] = COLUMNS.map(() => []);
  for (let i = start; i < start + count; i++) {
    const r = rng(i + 1);
    const day = Math.floor(r() * DAYS);
    const at = new Date(END - (day + r()) * DAY_MS).toISOString();
    const sentiment = SENTIMENTS[r() < 0.55 ? 0 : r() < 0.45 ? 1 : 2]!;
    const aspectCount = Math.floor(r() * 3);
    const aspects: { aspect: string; polarity: string; span: [number, number] }[] = [];
    for (let a = 0; a < aspectCount; a++) {
      const aspect = ASPECTS[Math.floor(r() * ASPECTS.length)]!;
      if (!aspects.some((x) => x.aspect === aspect)) aspects.push({ aspect, polarity: r() < 0.7 ? sentiment : SENTIMENTS[Math.floor(r() * 3)]!, span: [0, 4] });
    }
    const risks = r() < 0.03 ? [RISKS[Math.floor(r() * RISKS.length)]!] : [];
    const stars = r() < 0.6 ? (sentiment === 'positive' ? 4 + Math.floor(r() * 2) : sentiment === 'negative' ? 1 + Math.floor(r() * 2) : 3) : null;
    const analysis = JSON.stringify({
      lang: 'zh',
      sentiment: { label: sentiment, score: sentiment === 'positive' ? 0.7 : sentiment === 'negative' ? -0.7 : 0, confidence: 0.8 },
      aspects,
      risks: risks.map((risk) => ({ risk, span: [0, 4], cue: '', confidence: 0.6 })),
      staff: [],
      authenticity: { score: 0.9, signals: [] },
      ratingConflict: false,
      riskThreshold: 0.9,
      modelVersion: 'bench',
    });
    const values = [
      units.orgId,
      units.sources[i % units.sources.length]!,
      'review',
      `b${i}`,
      `h${i}`,
      `user${i % 50_000}`,
      `${TEXTS[i % TEXTS.length]}，第${i}号`,
      'zh',
      at,
      units.locations[Math.floor(r() * units.locations.length)]!,
      units.departments[Math.floor(r() * units.departments.length)]!,
      stars === null ? '' : String(stars),
      stars === null ? '' : '5',
      stars === null ? '' : String(stars),
      r() < 0.02 ? 'dismissed' : 'new',
      analysis,
      'bench',
      at,
      sentiment,
      `{${[...aspects.map((a) => a.aspect), ...aspects.map((a) => `${a.aspect}:${a.polarity}`)].join(',')}}`,
      `{${risks.join(',')}}`,
    ];
    values.forEach((v, c) => cols[c]!.push(v));
  }
  return cols;
}

const TYPES: Record<(typeof COLUMNS)[number], string> = {
  org_id: 'uuid',
  source_id: 'uuid',
  kind: 'text',
  external_key: 'text',
  content_hash: 'text',
  author_handle: 'text',
  text: 'text',
  lang: 'text',
  published_at: 'timestamptz',
  location_id: 'uuid',
  department_id: 'uuid',
  rating_raw: 'numeric',
  rating_scale: 'numeric',
  rating: 'numeric',
  status: 'text',
  analysis: 'jsonb',
  analysis_version: 'text',
  analysed_at: 'timestamptz',
  sentiment: 'text',
  aspects: 'text[]',
  risks: 'text[]',
};

/** The ingest's way: one INSERT … SELECT FROM unnest per batch (arrays of text, cast per column), with the triggers. */
async function insertBatch(ctx: OpenContext, cols: string[][]): Promise<void> {
  const selects = COLUMNS.map((c, i) => {
    const v = sql.ref(`u.c${i}`);
    const type = TYPES[c];
    return type === 'text' ? v : sql`nullif(${v}, '')::${sql.raw(type)}`;
  });
  const unnest = sql.join(cols.map((values) => sql`${values}::text[]`));
  const names = sql.raw(COLUMNS.map((_, i) => `c${i}`).join(', '));
  await sql`INSERT INTO mentions (${sql.raw(COLUMNS.join(', '))}) SELECT ${sql.join(selects)} FROM unnest(${unnest}) AS u(${names})`.execute(ctx.db);
}

const copyEscape = (v: string) => (v === '' ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

function* copyLines(units: Units): Generator<string> {
  for (let start = 0; start < MENTIONS; start += BATCH) {
    const cols = batchRows(units, start, Math.min(BATCH, MENTIONS - start));
    const lines: string[] = [];
    for (let r = 0; r < cols[0]!.length; r++) lines.push(cols.map((c) => copyEscape(c[r]!)).join('\t'));
    yield lines.join('\n') + '\n';
  }
}

async function setUp(ctx: OpenContext): Promise<Units & { adminEmail: string; headEmail: string }> {
  const db = ctx.db;
  const org = await db.insertInto('organisations').values({ slug: 'bench', name: 'Bench clinic group', timezone: 'Asia/Shanghai' }).returning('id').executeTakeFirstOrThrow();
  const orgId = org.id;
  const locations = (
    await db
      .insertInto('locations')
      .values(Array.from({ length: 50 }, (_, i) => ({ org_id: orgId, code: `L${i}`, name: `院区 ${i + 1}` })))
      .returning('id')
      .execute()
  ).map((r) => r.id);
  const departments = (
    await db
      .insertInto('departments')
      .values(Array.from({ length: 20 }, (_, i) => ({ org_id: orgId, code: `D${i}`, name: `科室 ${i + 1}` })))
      .returning('id')
      .execute()
  ).map((r) => r.id);
  const sources = (
    await db
      .insertInto('sources')
      .values(['大众点评', '美团', '微博', '问卷'].map((name) => ({ org_id: orgId, name, kind: 'file' as const })))
      .returning('id')
      .execute()
  ).map((r) => r.id);
  await createUser(db, { orgId, email: 'lead@bench.test', name: 'Lead', role: 'leadership', password: PASSWORD });
  await createUser(db, { orgId, email: 'head@bench.test', name: 'Head', role: 'department_head', password: PASSWORD, departmentIds: departments.slice(0, 2) });
  return { orgId, locations, departments, sources, adminEmail: 'lead@bench.test', headEmail: 'head@bench.test' };
}

/** Some thousands of cases and ~50,000 survey answers, spread over the two years (set-based, untimed). */
async function addCasesAndAnswers(ctx: OpenContext, units: Units): Promise<void> {
  const { orgId } = units;
  const cases = Math.max(200, Math.round(MENTIONS / 200));
  await sql`
    INSERT INTO cases (org_id, number, title, tier, status, location_id, department_id, opened_at, first_response_due_at, resolution_due_at, responded_at, closed_at)
    SELECT ${orgId}, g, 'case ' || g, (ARRAY['general','general','major','malicious'])[1 + g % 4],
      CASE WHEN g % 3 = 0 THEN 'handling' ELSE 'closed' END,
      (${units.locations}::uuid[])[1 + g % 50], (${units.departments}::uuid[])[1 + g % 20],
      t, t + interval '4 hours', t + interval '3 days', CASE WHEN g % 5 = 0 THEN NULL ELSE t + make_interval(mins => (g % 400)) END,
      CASE WHEN g % 3 = 0 THEN NULL ELSE t + interval '2 days' END
    FROM generate_series(1, ${cases}) g, LATERAL (SELECT ${new Date(END).toISOString()}::timestamptz - make_interval(days => (g * 7919) % ${DAYS}) AS t) x`.execute(ctx.db);
  const surveyId = await insertSurvey(ctx.db, orgId);
  const answers = Math.max(1000, Math.round(MENTIONS / 20));
  await sql`
    INSERT INTO survey_responses (org_id, survey_id, version, token, status, locale, answers, nps, score_band, location_id, department_id, submitted_at)
    SELECT ${orgId}, ${surveyId}, 1, 'tok' || g, 'submitted', 'zh-CN', jsonb_build_object('nps', g % 11), g % 11,
      CASE WHEN g % 11 <= 6 THEN 'low' WHEN g % 11 <= 8 THEN 'neutral' ELSE 'high' END,
      (${units.locations}::uuid[])[1 + g % 50], (${units.departments}::uuid[])[1 + (g * 7) % 20],
      ${new Date(END).toISOString()}::timestamptz - make_interval(days => ((g::bigint * 104729) % ${DAYS})::int, hours => g % 24)
    FROM generate_series(1, ${answers}) g`.execute(ctx.db);
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

async function benchStore(kind: 'pglite' | 'postgres', databaseUrl: string | null) {
  const dataDir = kind === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-dash-')) : null;
  const ctx = await openContext({ config: { databaseUrl, dataDir, logLevel: 'silent', pgliteSharedBuffers: '256MB' }, queue: 'send' });
  try {
    const units = await setUp(ctx);
    // The baseline table: the same columns, defaults and indexes, no triggers.
    await sql`CREATE TABLE bench_mentions_copy (LIKE mentions INCLUDING DEFAULTS INCLUDING INDEXES)`.execute(ctx.db);

    let started = performance.now();
    for (let start = 0; start < MENTIONS; start += BATCH) await insertBatch(ctx, batchRows(units, start, Math.min(BATCH, MENTIONS - start)));
    const insertSeconds = (performance.now() - started) / 1000;
    console.error(`${kind}: inserted ${MENTIONS} mentions through INSERT … SELECT FROM unnest in ${insertSeconds.toFixed(1)} s`);

    // COPY of the same rows (generated on the fly in both cases: the generation is in both times).
    started = performance.now();
    const copySql = `COPY bench_mentions_copy (${COLUMNS.join(', ')}) FROM STDIN`;
    if (ctx.database.pglite) {
      const file = path.join(dataDir!, '..', `bench-copy-${process.pid}.tsv`);
      await pipeline(Readable.from(copyLines(units)), fs.createWriteStream(file));
      await ctx.database.pglite.query(copySql.replace('STDIN', "'/dev/blob'"), [], { blob: new Blob([fs.readFileSync(file)]) });
      fs.rmSync(file, { force: true });
    } else {
      const client = new pg.Client({ connectionString: databaseUrl! });
      await client.connect();
      await pipeline(Readable.from(copyLines(units)), client.query(copyFrom(copySql)));
      await client.end();
    }
    const copySeconds = (performance.now() - started) / 1000;
    console.error(`${kind}: COPY of the same rows into a trigger-less copy in ${copySeconds.toFixed(1)} s`);
    await sql`DROP TABLE bench_mentions_copy`.execute(ctx.db);

    await addCasesAndAnswers(ctx, units);
    await sql`ANALYZE`.execute(ctx.db);
    started = performance.now();
    const days = await refreshRollups(ctx.db);
    const refreshSeconds = (performance.now() - started) / 1000;
    await sql`ANALYZE`.execute(ctx.db);
    const rollupRows = await sql<{ n: number; a: number }>`SELECT (SELECT count(*)::int FROM mention_rollups) AS n, (SELECT count(*)::int FROM mention_aspect_rollups) AS a`.execute(ctx.db);
    console.error(`${kind}: refreshed ${days} days in ${refreshSeconds.toFixed(1)} s (${rollupRows.rows[0]!.n} mention rollup rows, ${rollupRows.rows[0]!.a} aspect rollup rows)`);

    const server = await buildServer(ctx);
    await server.ready();
    const login = async (email: string) => {
      const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    };
    const lead = await login(units.adminEmail);
    const head = await login(units.headEmail);
    const endpoints = ['overview', 'heatmap', 'pain-points'] as const;
    const byEndpoint: Record<string, { p50Ms: number; p95Ms: number; errors: number }> = {};
    const all: number[] = [];
    for (const endpoint of endpoints) {
      const times: number[] = [];
      let errors = 0;
      let firstError = '';
      for (let i = 0; i < REQUESTS; i++) {
        const r = rng(9_000 + i);
        const length = 30 + Math.floor(r() * 336);
        const to = new Date(END - Math.floor(r() * 300) * DAY_MS);
        const from = new Date(to.getTime() - (length - 1) * DAY_MS);
        const params = new URLSearchParams({ from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) });
        const f = i % 4;
        if (f === 1) params.set('location', units.locations[i % 50]!);
        if (f === 2) params.set('department', units.departments[i % 20]!);
        if (endpoint === 'heatmap' && i % 2) params.set('by', 'location');
        const t = performance.now();
        const res = await server.inject({ method: 'GET', url: `/api/dashboards/${endpoint}?${params}`, headers: { cookie: f === 3 ? head : lead } });
        const ms = performance.now() - t;
        if (res.statusCode !== 200) {
          errors++;
          firstError ||= `${res.statusCode} ${res.body.slice(0, 200)}`;
          continue;
        }
        times.push(ms);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      byEndpoint[endpoint] = times.length ? { p50Ms: round1(quantile(times, 0.5)), p95Ms: round1(quantile(times, 0.95)), errors } : { p50Ms: NaN, p95Ms: NaN, errors };
      console.error(`${kind}: ${endpoint} p50 ${byEndpoint[endpoint]!.p50Ms} ms, p95 ${byEndpoint[endpoint]!.p95Ms} ms${errors ? `, ${errors} errors (${firstError})` : ''}`);
    }
    await server.close();
    all.sort((a, b) => a - b);
    return {
      mentions: MENTIONS,
      p50Ms: all.length ? round1(quantile(all, 0.5)) : null,
      p95Ms: all.length ? round1(quantile(all, 0.95)) : null,
      endpoints: byEndpoint,
      insertSeconds: round1(insertSeconds),
      copySeconds: round1(copySeconds),
      importVsCopy: Math.round((insertSeconds / copySeconds) * 100) / 100,
      refreshSeconds: round1(refreshSeconds),
      rollupRows: rollupRows.rows[0]!.n,
      aspectRollupRows: rollupRows.rows[0]!.a,
    };
  } finally {
    await ctx.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const result: Record<string, unknown> = {};
  if (STORES.includes('pglite')) result.pglite = await benchStore('pglite', null);
  if (STORES.includes('postgres')) {
    const base = process.env.DATABASE_URL ?? LOCAL_PG;
    let fresh: Awaited<ReturnType<typeof freshPostgresDatabase>> | null = null;
    try {
      fresh = await freshPostgresDatabase(base, 'verity_bench');
    } catch (error) {
      console.error(`postgres: skipped, ${base.replace(/:[^:@/]*@/, ':…@')} is unreachable (${(error as Error).message})`);
      result.postgres = null;
    }
    if (fresh) {
      try {
        result.postgres = await benchStore('postgres', fresh.url);
      } finally {
        await fresh.drop();
      }
    }
  }
  const main = (result.postgres ?? result.pglite) as { importVsCopy: number; refreshSeconds: number } | null | undefined;
  const brief = (r: unknown) => (r ? { p50Ms: (r as { p50Ms: number }).p50Ms, p95Ms: (r as { p95Ms: number }).p95Ms } : null);
  console.error(JSON.stringify(result, null, 2));
  console.log(JSON.stringify({ pglite: brief(result.pglite), postgres: brief(result.postgres), importVsCopy: main?.importVsCopy ?? null, refreshSeconds: main?.refreshSeconds ?? null }));
}

await main();
