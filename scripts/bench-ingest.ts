/**
 * npm run bench:ingest [-- --rows N]
 * Imports a generated CSV of N rows (default 1,000,000) through the real ingest path into a fresh
 * PGlite data directory, and into a fresh PostgreSQL database when DATABASE_URL is set, and times
 * a plain COPY of the same prepared rows into the same mentions table (same indexes and
 * constraints). Last line: {"pglite":{rowsPerSec,peakMB,copyRatio,…},"postgres":{…}}.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'kysely';
import { openContext, type OpenContext } from '../src/app.ts';
import { freshPostgresDatabase } from '../src/db/fresh-database.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { OrgUnitResolver, prepareMention } from '../src/ingest/ingest-mentions.ts';
import { inferMapping, mapRecord } from '../src/ingest/map-record.ts';
import { isRowError, readRecords } from '../src/ingest/readers/read-records.ts';

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-'));
const isChild = process.argv.includes('--one');

const ZH = ['医生很耐心，解释得很清楚', '排队等了三个小时，太失望了', '护士态度很好，环境干净', '收费不透明，乱开检查', '挂号很方便，复诊有提醒', '前台服务冷淡，电话没人接'];
const RU = ['Врач внимательный, всё объяснил', 'Ждали в очереди два часа', 'Медсестра грубила, не рекомендую', 'Чисто, уютно, парковка рядом', 'Цены завышены, навязывают анализы'];
const EN = ['The doctor was kind and listened', 'The queue took three hours', 'Billing was confusing and too expensive', 'Clean rooms and friendly nurses', 'Nobody called me back after the surgery'];

function pick<T>(list: T[], n: number): T {
  return list[n % list.length]!;
}

/** Writes the CSV a clinic might export: id, text, rating, author, date, location. */
async function writeCsv(file: string, rows: number): Promise<void> {
  const out = fs.createWriteStream(file);
  out.write('id,text,rating,author,date,location\n');
  for (let i = 0; i < rows; i++) {
    const lang = i % 10;
    const text = lang < 5 ? `${pick(ZH, i)}，${pick(ZH, i >> 3)}。第${i}号` : lang < 8 ? `${pick(RU, i)}. ${pick(RU, i >> 3)} (№${i})` : `${pick(EN, i)}. ${pick(EN, i >> 3)} (#${i})`;
    const line = `r${i},"${text.replaceAll('"', '""')}",${1 + (i % 5)},user${i % 50000},2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')},${i % 2 ? 'main' : 'north'}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const copyEscape = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
};

const COPY_COLUMNS =
  'org_id, source_id, external_key, external_id, kind, url, author_handle, rating_raw, rating_scale, rating, title, text, lang, published_at, location_id, department_id, content_hash, search';

/** The same rows as the import stores them, in COPY text format (prepared outside the timed part). */
async function writeCopyFile(csv: string, file: string, orgId: string, sourceId: string, resolver: OrgUnitResolver): Promise<void> {
  const out = fs.createWriteStream(file);
  let mapping;
  for await (const record of readRecords(csv, {})) {
    if (isRowError(record)) continue;
    mapping ??= inferMapping(Object.keys(record.fields));
    const mapped = mapRecord(record.fields, mapping, { kind: 'review' });
    if (!mapped.ok) continue;
    const r = prepareMention(mapped.mention, resolver);
    const line = [
      orgId,
      sourceId,
      r.externalKey,
      r.externalId,
      r.kind,
      r.url,
      r.authorHandle,
      r.ratingRaw,
      r.ratingScale,
      r.rating,
      r.title,
      r.text,
      r.lang,
      r.publishedAt,
      r.locationId,
      r.departmentId,
      r.contentHash,
      r.search,
    ]
      .map(copyEscape)
      .join('\t');
    if (!out.write(line + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

async function setupOrg(ctx: OpenContext): Promise<{ orgId: string; sourceId: string }> {
  const { id: orgId } = await ctx.db.insertInto('organisations').values({ slug: 'bench', name: 'Bench clinic' }).returning('id').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('locations')
    .values([
      { org_id: orgId, code: 'main', name: 'Main' },
      { org_id: orgId, code: 'north', name: 'North' },
    ])
    .execute();
  const { id: sourceId } = await ctx.db.insertInto('sources').values({ org_id: orgId, name: 'bench', kind: 'file' }).returning('id').executeTakeFirstOrThrow();
  return { orgId, sourceId };
}

async function benchOne(kind: 'pglite' | 'postgres', csv: string, databaseUrl: string | null) {
  if (kind === 'pglite') {
    // A new data directory costs PGlite a one-time initdb (~500 MB of WASM memory that is never
    // given back); a running server opens an existing one, so the bench does too.
    execFileSync(
      process.execPath,
      ['--input-type=module', '-e', `import { PGlite } from '@electric-sql/pglite'; const p = await PGlite.create({ dataDir: ${JSON.stringify(path.join(work, 'pglite'))} }); await p.close();`],
      { stdio: 'inherit' },
    );
  }
  const ctx = await openContext({ config: { databaseUrl, dataDir: path.join(work, 'pglite'), logLevel: 'silent' }, queue: 'send' });
  try {
    const { orgId, sourceId } = await setupOrg(ctx);
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const started = performance.now();
    const summary = await importFile(ctx, { orgId, sourceId, userId: null, input: csv, fileName: csv });
    const importSeconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    if (summary.error || summary.accepted !== ROWS) throw new Error(`import went wrong: ${JSON.stringify({ ...summary, rejected: summary.rejected.slice(0, 3) })}`);
    console.error(
      `${kind}: imported ${summary.accepted} rows in ${importSeconds.toFixed(1)} s (${Math.round(summary.accepted / importSeconds)} rows/s), peak RSS ${Math.round(peak / 1048576)} MB (${Math.round(rssBefore / 1048576)} MB before the import)`,
    );

    // The baseline: the same prepared rows COPYed straight into the same mentions table (same
    // indexes, constraints and foreign keys), under a second source so that the keys do not collide.
    const copyFile = path.join(work, `${kind}.copy`);
    const { id: copySourceId } = await ctx.db.insertInto('sources').values({ org_id: orgId, name: 'bench-copy', kind: 'file' }).returning('id').executeTakeFirstOrThrow();
    await writeCopyFile(csv, copyFile, orgId, copySourceId, await OrgUnitResolver.load(ctx.db, orgId));
    const copyStarted = performance.now();
    if (ctx.database.pglite) {
      const blob = new Blob([fs.readFileSync(copyFile)]);
      await ctx.database.pglite.query(`COPY mentions (${COPY_COLUMNS}) FROM '/dev/blob'`, [], { blob });
    } else {
      const client = new pg.Client({ connectionString: databaseUrl! });
      await client.connect();
      await pipeline(fs.createReadStream(copyFile), client.query(copyFrom(`COPY mentions (${COPY_COLUMNS}) FROM STDIN`)));
      await client.end();
    }
    const copySeconds = (performance.now() - copyStarted) / 1000;
    const copied = await sql<{ n: number }>`SELECT count(*)::int AS n FROM mentions WHERE source_id = ${copySourceId}`.execute(ctx.db);
    console.error(`${kind}: COPY of the same ${copied.rows[0]!.n} rows took ${copySeconds.toFixed(1)} s`);
    fs.rmSync(copyFile, { force: true });
    return {
      rows: summary.accepted,
      seconds: Math.round(importSeconds * 10) / 10,
      rowsPerSec: Math.round(summary.accepted / importSeconds),
      peakMB: Math.round(peak / 1048576),
      // What the import itself added to the process (the rest is Node, the models and the database engine).
      importGrowthMB: Math.round((peak - rssBefore) / 1048576),
      copySeconds: Math.round(copySeconds * 10) / 10,
      copyRatio: Math.round((importSeconds / copySeconds) * 100) / 100,
    };
  } finally {
    await ctx.close();
  }
}

/** Runs one store's measurement in a child process, so that neither sees the other's memory. */
function benchInChild(kind: 'pglite' | 'postgres', csv: string, databaseUrl: string | null): Record<string, unknown> {
  const output = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, '--one', kind, '--csv', csv, '--rows', String(ROWS)], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(output.toString().trim().split('\n').pop()!) as Record<string, unknown>;
}

async function main() {
  const oneArg = process.argv.indexOf('--one');
  if (oneArg > 0) {
    const kind = process.argv[oneArg + 1] as 'pglite' | 'postgres';
    const csv = process.argv[process.argv.indexOf('--csv') + 1]!;
    console.log(JSON.stringify(await benchOne(kind, csv, process.env.BENCH_DATABASE_URL || null)));
    return;
  }
  const csv = path.join(work, 'mentions.csv');
  console.error(`generating ${ROWS} rows…`);
  await writeCsv(csv, ROWS);
  console.error(`csv: ${Math.round(fs.statSync(csv).size / 1048576)} MB`);
  const result: Record<string, unknown> = { rows: ROWS };
  result.pglite = benchInChild('pglite', csv, null);
  if (process.env.DATABASE_URL) {
    const db = await freshPostgresDatabase(process.env.DATABASE_URL, 'verity_bench');
    try {
      result.postgres = benchInChild('postgres', csv, db.url);
    } finally {
      await db.drop();
    }
  }
  fs.rmSync(work, { recursive: true, force: true });
  console.log(JSON.stringify(result));
}

main()
  .then(() => {
    if (isChild) fs.rmSync(work, { recursive: true, force: true });
  })
  .catch((error) => {
    console.error(error);
    fs.rmSync(work, { recursive: true, force: true });
    process.exit(1);
  });
