/**
 * npx tsx scripts/bench-pain-points.ts   (PAIN_BENCH_MENTIONS=200000; DATABASE_URL for PostgreSQL, else in-memory PGlite)
 * The pain-points endpoint's own measurement (bench:dashboard measures all three at a million):
 * generates analysed mentions over two years across 50 locations and 20 departments in three
 * languages, with a long tail of rare words as real text has; refreshes the rollups; then times
 * loadPainPoints over 200 reads with varied periods, filters and viewers. Last line: one JSON object.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openContext } from '../src/app.ts';
import { freshPostgresDatabase } from '../src/db/fresh-database.ts';
import { insertDepartment, insertLocation, insertSource } from '../src/views/dashboards/dashboard-fixtures.ts';
import { insertPainMentions, type PainMention } from '../src/views/dashboards/pain-fixtures.ts';
import { loadPainPoints } from '../src/views/dashboards/pain-points.ts';
import { addDays } from '../src/views/dashboards/pain-terms.ts';
import { refreshRollups } from '../src/views/dashboards/rollups.ts';

const N = Number(process.env.PAIN_BENCH_MENTIONS ?? 200_000);
const START = '2025-01-06';
const DAYS = 728;

let seed = 42;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const ASPECTS = ['process.waiting', 'process.registration', 'process.attitude', 'process.environment', 'brand.price', 'outcome.efficacy', 'process.communication.clarity', 'relationship.followup'];
const ZH = {
  negative: ['排队等了很久', '挂号太难了', '护士态度很差', '收费不透明', '环境很脏', '医生不耐心', '检查结果出来太慢', '停车很难', '电话一直打不通', '药房排队两个小时'],
  positive: ['医生很耐心', '护士很热情', '环境干净整洁', '流程很快', '解释得很清楚'],
};
const RU = {
  negative: ['очередь в регистратуру огромная', 'врач был груб', 'анализы ждали неделю', 'в палате грязно', 'цены завышены', 'никто не перезвонил'],
  positive: ['врач внимательный', 'всё быстро и чисто', 'медсёстры заботливые'],
};
const EN = {
  negative: ['waited three hours in the lobby', 'the receptionist was rude', 'billing overcharged us', 'the ward was dirty', 'nobody called back with results', 'parking is impossible'],
  positive: ['the doctor listened carefully', 'quick and friendly service', 'very clean rooms'],
};
const HAN =
  '的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长';
/** A long tail of rare words: two-character Chinese words, Latin and Cyrillic pseudo-words. */
const rareZh = () => HAN[Math.floor(random() * HAN.length)]! + HAN[Math.floor(random() * HAN.length)]!;
const rareLatin = () => Array.from({ length: 5 + Math.floor(random() * 4) }, () => 'abcdefghiklmnoprstuvw'[Math.floor(random() * 21)]).join('');
const rareCyrillic = () => Array.from({ length: 5 + Math.floor(random() * 4) }, () => 'абвгдежзиклмнопрстуфхцч'[Math.floor(random() * 23)]).join('');

function mention(i: number, sources: string[], locations: string[], departments: string[]): PainMention {
  const lang = random() < 0.6 ? 'zh' : random() < 0.5 ? 'ru' : 'en';
  const sentiment = random() < 0.3 ? 'negative' : random() < 0.8 ? 'positive' : 'neutral';
  const bank = lang === 'zh' ? ZH : lang === 'ru' ? RU : EN;
  const clauses = sentiment === 'negative' ? [pick(bank.negative), pick(bank.negative)] : [pick(bank.positive)];
  const rare = lang === 'zh' ? `${rareZh()}${rareZh()}` : lang === 'ru' ? `${rareCyrillic()} ${rareCyrillic()}` : `${rareLatin()} ${rareLatin()}`;
  const text = lang === 'zh' ? `${clauses.join('，')}，${rare}。` : `${clauses.join(', ')}, ${rare}.`;
  const polarity = sentiment === 'negative' ? 'negative' : sentiment === 'positive' ? 'positive' : 'neutral';
  const day = addDays(START, Math.floor((i / N) * DAYS));
  return {
    sourceId: pick(sources),
    at: `${day}T${String(1 + Math.floor(random() * 22)).padStart(2, '0')}:00:00+08:00`,
    text,
    lang,
    sentiment,
    locationId: pick(locations),
    departmentId: random() < 0.95 ? pick(departments) : null,
    aspects: [{ aspect: pick(ASPECTS), polarity, words: clauses[0]! }],
  };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)]!;

async function main() {
  const pg = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : null;
  const ctx = await openContext({ config: { databaseUrl: pg?.url ?? null, dataDir: null, logLevel: 'silent' }, queue: 'none' });
  const db = ctx.db;
  try {
    const orgId = (
      await db
        .insertInto('organisations')
        .values({ slug: `pain-${randomBytes(3).toString('hex')}`, name: 'Bench', timezone: 'Asia/Shanghai' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const sources = await Promise.all(['Dianping', 'Meituan', 'Google', 'Yandex', 'Survey'].map((n) => insertSource(db, orgId, n)));
    await insertSource(db, orgId, 'Rival', 'Rival Clinic');
    const locations: string[] = [];
    for (let i = 0; i < 50; i++) locations.push(await insertLocation(db, orgId, `Location ${i}`));
    const departments: string[] = [];
    for (let i = 0; i < 20; i++) departments.push(await insertDepartment(db, orgId, `Department ${i}`));
    let t = performance.now();
    for (let i = 0; i < N; i += 10_000)
      await insertPainMentions(
        db,
        orgId,
        Array.from({ length: Math.min(10_000, N - i) }, (_, k) => mention(i + k, sources, locations, departments)),
      );
    const insertS = (performance.now() - t) / 1000;
    await sql`ANALYZE`.execute(db);
    t = performance.now();
    await refreshRollups(db, orgId);
    const refreshS = (performance.now() - t) / 1000;
    const termRows = Number((await db.selectFrom('mention_term_rollups').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    const times: number[] = [];
    const byKind = new Map<string, number[]>();
    for (let r = 0; r < 220; r++) {
      const length = pick([90, 90, 90, 30, 365]);
      const to = addDays(START, length * 2 + Math.floor(random() * (DAYS - length * 2)));
      const query: Record<string, string> = { from: addDays(to, -(length - 1)), to };
      const kind = pick(['none', 'none', 'department', 'location', 'source', 'location+department', 'head']);
      if (kind === 'department' || kind === 'location+department') query.department = pick(departments);
      if (kind === 'location' || kind === 'location+department') query.location = pick(locations);
      if (kind === 'source') query.source = pick(sources);
      const viewer = { orgId, departmentIds: kind === 'head' ? [pick(departments), pick(departments)] : null };
      const started = performance.now();
      await loadPainPoints(db, viewer, query);
      const ms = performance.now() - started;
      if (r < 20) continue; // warm-up
      times.push(ms);
      byKind.set(`${kind}/${length}`, [...(byKind.get(`${kind}/${length}`) ?? []), ms]);
    }
    for (const [kind, ms] of [...byKind].sort()) console.log(`${kind.padEnd(26)} n=${String(ms.length).padStart(3)} p50=${percentile(ms, 50).toFixed(1)} p95=${percentile(ms, 95).toFixed(1)}`);
    console.log(
      JSON.stringify({
        store: pg ? 'postgres' : 'pglite',
        mentions: N,
        insertS: Math.round(insertS),
        refreshS: Math.round(refreshS),
        termRows,
        p50Ms: Math.round(percentile(times, 50)),
        p95Ms: Math.round(percentile(times, 95)),
      }),
    );
  } finally {
    await ctx.close();
    await pg?.drop();
  }
}

await main();
