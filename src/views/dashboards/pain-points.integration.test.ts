import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';
import { insertDepartment, insertLocation, insertSource } from './dashboard-fixtures.ts';
import type { PainPoints } from './dashboards.schemas.ts';
import { insertPainMentions, type PainMention } from './pain-fixtures.ts';
import { refreshRollups } from './rollups.ts';

/*
 * The pain points over a planted cluster: in the four weeks from 7 September 2026 the emergency
 * department gets a dozen complaints about waiting at night ("夜间急诊", "night emergency"), on top of
 * the same background of complaints as in the four weeks before. The cluster must be found, with
 * its department; the background, and a word new in only three mentions, must not.
 */

let app: TestApp;
let orgId: string;
let own: string;
let rival: string;
let er: string;
let cardio: string;
let north: string;
let doctor: string;
let admin: TestClient;
let cardioHead: TestClient;
const period = 'from=2026-09-07&to=2026-10-04';

const BACKGROUND: Omit<PainMention, 'sourceId' | 'at'>[] = [
  { lang: 'zh', sentiment: 'negative', text: '挂号排队太久，收费处态度冷淡。', aspects: [{ aspect: 'process.registration', polarity: 'negative', words: '挂号排队太久' }] },
  { lang: 'zh', sentiment: 'negative', text: '收费不透明，检查项目太贵。', aspects: [{ aspect: 'brand.price', polarity: 'negative', words: '检查项目太贵' }] },
  { lang: 'ru', sentiment: 'negative', text: 'Регистратура грубит, запись по телефону невозможна.', aspects: [{ aspect: 'process.registration', polarity: 'negative', words: 'Регистратура грубит' }] },
  { lang: 'en', sentiment: 'negative', text: 'The billing office overcharged us and the parking fees are absurd.', aspects: [{ aspect: 'brand.price', polarity: 'negative', words: 'overcharged' }] },
  {
    lang: 'en',
    sentiment: 'negative',
    text: 'Waiting room was crowded and the reception staff were rude.',
    aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: 'Waiting room was crowded' }],
  },
  { lang: 'zh', sentiment: 'positive', text: '医生很耐心，解释得很清楚。', aspects: [{ aspect: 'process.communication.clarity', polarity: 'positive', words: '解释得很清楚' }] },
];

const CLUSTER: Omit<PainMention, 'sourceId' | 'at'>[] = [
  { lang: 'zh', sentiment: 'negative', text: '夜间急诊等了三个小时，没有医生来看。', aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: '等了三个小时' }] },
  { lang: 'zh', sentiment: 'negative', text: '孩子半夜发烧，夜间急诊只有一个医生，排了四个小时。', aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: '排了四个小时' }] },
  { lang: 'zh', sentiment: 'negative', text: '夜间急诊的护士说医生在睡觉，让我们一直等。', aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: '让我们一直等' }] },
  {
    lang: 'en',
    sentiment: 'negative',
    text: 'We waited five hours at the night emergency with nobody checking on us.',
    aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: 'waited five hours' }],
  },
  {
    lang: 'ru',
    sentiment: 'negative',
    text: 'Ночью в приёмном покое ждали четыре часа, врач так и не вышел.',
    aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: 'ждали четыре часа' }],
  },
];

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:30:00+08:00`;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await createTestApp();
  const db = app.ctx.db;
  orgId = await app.createOrg('pain');
  await db.updateTable('organisations').set({ timezone: 'Asia/Shanghai' }).where('id', '=', orgId).execute();
  own = await insertSource(db, orgId, 'Dianping');
  rival = await insertSource(db, orgId, 'Rival on Dianping', 'Rival Clinic');
  er = await insertDepartment(db, orgId, '急诊科');
  cardio = await insertDepartment(db, orgId, 'Cardiology');
  north = await insertLocation(db, orgId, 'North');
  doctor = (await db.insertInto('staff').values({ org_id: orgId, name: '王芳', department_id: er }).returning('id').executeTakeFirstOrThrow()).id;

  const mentions: PainMention[] = [];
  // The same background in both periods: every day one of the background texts, in turn, across both departments.
  for (let d = 0; d < 56; d++) {
    const day = addDays('2026-08-10', d);
    for (let k = 0; k < 2; k++) {
      const b = BACKGROUND[(d * 2 + k) % BACKGROUND.length]!;
      mentions.push({ ...b, sourceId: own, at: at(day, 10 + k), departmentId: k === 0 ? cardio : er, locationId: k === 0 ? north : null });
    }
  }
  // The cluster: 40 night-emergency complaints in the emergency department in the current period (24 of them in Chinese), two a night for 20 nights.
  for (let i = 0; i < 40; i++) mentions.push({ ...CLUSTER[i % CLUSTER.length]!, sourceId: own, at: at(addDays('2026-09-09', Math.floor(i / 2)), 22 + (i % 2)), departmentId: er });
  // Three mentions of a new word: too few to shout.
  for (let i = 0; i < 3; i++)
    mentions.push({
      lang: 'zh',
      sentiment: 'negative',
      text: '停车场收费太贵了。',
      aspects: [{ aspect: 'brand.price', polarity: 'negative', words: '收费太贵' }],
      sourceId: own,
      at: at(addDays('2026-09-20', i), 9),
      departmentId: cardio,
    });
  // Names: a patient and a relative are masked, the roster doctor the analysis linked stays, the author's handle is masked.
  mentions.push({
    lang: 'zh',
    sentiment: 'negative',
    text: '我妈妈李秀英在急诊等了两个小时，王芳医生来了才好。',
    aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: '等了两个小时' }],
    staff: [{ id: doctor, words: '王芳' }],
    sourceId: own,
    at: at('2026-10-03', 20),
    departmentId: er,
  });
  mentions.push({
    lang: 'en',
    sentiment: 'negative',
    text: 'I am mike_w and my father Peter Novak waited three hours, call me at +1 555 123 4567.',
    aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: 'waited three hours' }],
    author: 'mike_w',
    sourceId: own,
    at: at('2026-10-02', 20),
    departmentId: er,
  });
  // Neither a competitor's mentions nor dismissed ones count or are quoted.
  for (let i = 0; i < 10; i++)
    mentions.push({
      lang: 'zh',
      sentiment: 'negative',
      text: '竞争对手的夜间急诊等待更久。',
      aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: '等待更久' }],
      sourceId: rival,
      at: at('2026-09-15', 12),
      departmentId: er,
    });
  mentions.push({
    lang: 'zh',
    sentiment: 'negative',
    text: '垃圾广告，夜间急诊等待。',
    aspects: [{ aspect: 'process.waiting', polarity: 'negative', words: '夜间急诊等待' }],
    sourceId: own,
    at: at('2026-09-16', 12),
    departmentId: er,
    status: 'dismissed',
  });
  await insertPainMentions(db, orgId, mentions);

  // A corrective action on waiting in the emergency department, due in the period.
  const caseRow = await db
    .insertInto('cases')
    .values({
      org_id: orgId,
      number: 7,
      title: 'Night waits',
      tier: 'general',
      department_id: er,
      first_response_due_at: new Date('2026-09-20T00:00:00Z'),
      resolution_due_at: new Date('2026-09-30T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('case_actions')
    .values({
      case_id: caseRow.id,
      kind: 'corrective',
      description: 'A second doctor on the night shift',
      aspect: 'process.waiting',
      due_at: new Date('2026-09-25T00:00:00Z'),
      status: 'done',
      done_at: new Date('2026-09-24T02:00:00Z'),
    })
    .execute();
  await refreshRollups(db, orgId);
  admin = await app.userClient(orgId, 'leadership');
  cardioHead = await app.userClient(orgId, 'department_head', { departmentIds: [cardio] });
});
afterAll(async () => app?.close());

const painPoints = async (client: TestClient, query = period): Promise<PainPoints> => {
  const res = await client.get(`/api/dashboards/pain-points?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('the top negative aspects', () => {
  test('come with counts, the previous period, a trend over both, quotes and the corrective action', async () => {
    const view = await painPoints(admin);
    expect(view.period).toMatchObject({ from: '2026-09-07', to: '2026-10-04', timezone: 'Asia/Shanghai', bucket: 'day' });
    expect(view.previous).toEqual({ from: '2026-08-10', to: '2026-09-06' });
    const waiting = view.aspects.find((a) => a.aspect === 'process.waiting')!;
    expect(view.aspects[0]!.aspect).toBe('process.waiting');
    // 56 days × 2 background texts cycle through 6 texts: waiting is one in six of each period's 56, plus the cluster of 40 and the two named ones.
    const backgroundNow = Array.from({ length: 56 }, (_, i) => 56 + i).filter((i) => i % 6 === 4).length;
    const backgroundBefore = Array.from({ length: 56 }, (_, i) => i).filter((i) => i % 6 === 4).length;
    expect(waiting.negative).toBe(backgroundNow + 42);
    expect(waiting.previousNegative).toBe(backgroundBefore);
    expect(waiting.negativeShare).toBe(1);
    expect(waiting.interval.low).toBeGreaterThan(0.8);
    expect(waiting.trend).toHaveLength(56);
    expect(waiting.trend[0]!.start).toBe('2026-08-10');
    expect(waiting.trend.reduce((n, p) => n + p.negative, 0)).toBe(waiting.negative + waiting.previousNegative);
    expect(waiting.actions).toEqual([expect.objectContaining({ caseNumber: 7, description: 'A second doctor on the night shift', status: 'done' })]);
  });

  test('quotes are short spans of our own, undismissed mentions, with names masked but the linked roster doctor', async () => {
    const view = await painPoints(admin);
    const quotes = view.aspects.find((a) => a.aspect === 'process.waiting')!.quotes;
    expect(quotes.length).toBe(3);
    expect(quotes.length).toBeLessThanOrEqual(3);
    const all = view.aspects.flatMap((a) => a.quotes.map((q) => q.text)).join('\n');
    for (const hidden of ['李秀英', 'Peter', 'Novak', '123 4567', 'mike_w', '竞争对手', '垃圾广告']) expect(all).not.toContain(hidden);
    for (const q of quotes) expect(q.text.length).toBeLessThanOrEqual(142);
    expect(quotes.every((q) => q.sourceName === 'Dianping')).toBe(true);
    const quotesOf = async (day: string) => (await painPoints(admin, `from=${day}&to=${day}`)).aspects.find((a) => a.aspect === 'process.waiting')!.quotes.map((q) => q.text);
    expect(await quotesOf('2026-10-03')).toEqual(['我妈妈***在急诊等了两个小时，王芳医生来了才好。']);
    expect(await quotesOf('2026-10-02')).toContain('I am *** and my father *** waited three hours, call me at ***.');
  });
});

describe('emerging terms', () => {
  test('the planted night-emergency cluster rises, in its department; the background and three mentions do not', async () => {
    const view = await painPoints(admin);
    const terms = view.emerging.map((t) => t.term);
    expect(terms).toEqual(expect.arrayContaining(['急诊', '夜间']));
    for (const t of view.emerging) {
      expect(t.q).toBeLessThan(0.05);
      expect(t.current).toBeGreaterThanOrEqual(5);
      expect(t.ratio).toBeGreaterThan(1);
    }
    const emergency = view.emerging.find((t) => t.term === '急诊')!;
    expect(emergency).toMatchObject({ departmentId: er, departmentName: '急诊科' });
    for (const steady of ['挂号', '收费', 'регистратур', 'billing', 'parking', '停车场']) expect(terms).not.toContain(steady);
  });

  test('the source level of the rollups, and the mentions read for two filters together, give the same terms as the organisation and department levels', async () => {
    const pick = (view: PainPoints) => view.emerging.map(({ term, current, previous, departmentId }) => ({ term, current, previous, departmentId }));
    // Every mention of ours comes from one source, so these are the same mentions.
    const organisation = pick(await painPoints(admin));
    expect(organisation.length).toBeGreaterThan(0);
    expect(pick(await painPoints(admin, `${period}&source=${own}`)).map((t) => ({ ...t, departmentId: null }))).toEqual(organisation.map((t) => ({ ...t, departmentId: null })));
    const department = pick(await painPoints(admin, `${period}&department=${er}`));
    expect(department.length).toBeGreaterThan(0);
    expect(pick(await painPoints(admin, `${period}&department=${er}&source=${own}`))).toEqual(department);
  });

  test('within a department filter, and not at all for a head of another department', async () => {
    const inEr = await painPoints(admin, `${period}&department=${er}`);
    expect(inEr.emerging.map((t) => t.term)).toContain('急诊');
    expect(inEr.emerging.every((t) => t.departmentId === er)).toBe(true);
    const head = await painPoints(cardioHead);
    expect(head.emerging).toEqual([]);
    expect(head.departments.map((d) => d.id)).toEqual([cardio]);
    expect(JSON.stringify(head.aspects)).not.toContain('急诊');
    expect(head.aspects.flatMap((a) => a.actions)).toEqual([]);
  });
});

test('per department: negatives, totals and the top three negative aspects', async () => {
  const view = await painPoints(admin);
  const emergency = view.departments.find((d) => d.id === er)!;
  expect(emergency.name).toBe('急诊科');
  expect(emergency.topAspects[0]!.aspect).toBe('process.waiting');
  expect(emergency.topAspects.length).toBeLessThanOrEqual(3);
  expect(emergency.total).toBeGreaterThan(emergency.negative);
  const cardiology = view.departments.find((d) => d.id === cardio)!;
  expect(cardiology.topAspects.map((a) => a.aspect)).toEqual(['process.registration', 'process.waiting', 'brand.price']);
  expect(view.departments[0]!.negative).toBeGreaterThanOrEqual(view.departments[1]!.negative);
});

test('the term rollups follow the mentions: a mention that turns positive leaves, and a refresh of the same week twice counts once', async () => {
  const db = app.ctx.db;
  const count = async () =>
    (
      await sql<{
        n: number;
      }>`SELECT coalesce(sum(negative), 0)::int AS n FROM mention_term_rollups WHERE org_id = ${orgId} AND term = '停车场' AND location_id IS NULL AND department_id IS NULL AND source_id IS NULL`.execute(
        db,
      )
    ).rows[0]!.n;
  expect(await count()).toBe(3);
  const { refreshTermRollups } = await import('./term-rollups.ts');
  await db.transaction().execute((trx) => refreshTermRollups(trx, orgId, ['2026-09-20', '2026-09-21']));
  await db.transaction().execute((trx) => refreshTermRollups(trx, orgId, ['2026-09-22']));
  expect(await count()).toBe(3);
  await sql`UPDATE mentions SET sentiment = 'positive' WHERE org_id = ${orgId} AND text = '停车场收费太贵了。' AND published_at < '2026-09-21T00:00:00+08:00'`.execute(db);
  await refreshRollups(db, orgId);
  expect(await count()).toBe(2);
});

test('a bad period is refused with a message naming it', async () => {
  const res = await admin.get('/api/dashboards/pain-points?from=2026-10-04&to=2026-09-07');
  expect(res.statusCode).toBe(400);
  expect(res.body).toContain('2026-10-04');
});
