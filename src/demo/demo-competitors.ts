import type { AppContext } from '../core/context.ts';
import { recordRun, type MentionInput } from '../ingest/index.ts';
import { analysePending } from '../mentions/analyse-pending.ts';
import { refreshRollups } from '../views/dashboards/index.ts';
import { R, authorHandle, compose, mulberry32 } from './demo-compose.ts';
import type { Aspect } from './phrases.ts';

/**
 * Two invented competitor clinics nearby, each with its own review source (`sources.competitor`):
 * about 80 reviews apiece over the demo's period, written like the demo's own (zh-CN phrase banks),
 * ingested through the normal ingest path and analysed, so the benchmark compares like with like.
 * They open no cases and raise no alerts (competitor sources never do).
 */
const COMPETITORS = [
  // Shorter waits than ours, but pushes extra treatments and prices.
  { competitor: '仁和门诊部', source: '仁和门诊部 · 大众点评', platform: 'dianping', seed: 9101, reviews: 82, weights: { pos: 0.55, neg: 0.3 }, strong: 'waiting', weak: 'upselling' },
  // A busy hospital outpatient department: long queues, good doctors.
  { competitor: '康宁医院门诊', source: '康宁医院门诊 · 美团', platform: 'meituan', seed: 9202, reviews: 78, weights: { pos: 0.4, neg: 0.45 }, strong: 'efficacy', weak: 'waiting' },
] as const satisfies readonly { strong: Aspect; weak: Aspect; [k: string]: unknown }[];

const DEPTS = ['GP', 'DENT', 'PED', 'CHK'] as const;
const DAY_MS = 86_400_000;

/** Seeds the competitors' sources and reviews once (an organisation that has them is left alone); returns the reviews ingested. */
export async function seedDemoCompetitors(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string): Promise<number> {
  const { db } = ctx;
  const span = await db
    .selectFrom('mentions')
    .select((eb) => [eb.fn.min('published_at').as('first'), eb.fn.max('published_at').as('last')])
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  const last = span?.last ? new Date(span.last as Date).getTime() : Date.now();
  const first = span?.first ? new Date(span.first as Date).getTime() : last - 90 * DAY_MS;
  let total = 0;
  for (const c of COMPETITORS) {
    await db
      .insertInto('sources')
      .values({ org_id: orgId, name: c.source, kind: 'file', platform: c.platform, competitor: c.competitor })
      .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
      .execute();
    const source = await db.selectFrom('sources').select('id').where('org_id', '=', orgId).where('name', '=', c.source).executeTakeFirstOrThrow();
    const had = await db.selectFrom('mentions').select('id').where('source_id', '=', source.id).limit(1).executeTakeFirst();
    if (had) continue;
    const r = new R(mulberry32(c.seed));
    const reviews: MentionInput[] = [];
    for (let i = 0; i < c.reviews; i++) {
      const roll = r.next();
      const sentiment = roll < c.weights.pos ? 'pos' : roll < c.weights.pos + c.weights.neg ? 'neg' : 'mixed';
      const female = r.chance(0.6);
      // Each clinic's reputation: its strong point praised, its weak point the usual complaint.
      const focus: Aspect =
        sentiment === 'pos' ? (r.chance(0.5) ? c.strong : r.pick(['attitude', 'environment', 'clarity'] as const)) : r.chance(0.6) ? c.weak : r.pick(['price', 'attitude', 'registration'] as const);
      const { text } = compose(r, 'zh', r.pick(DEPTS), sentiment, female, undefined, { focus });
      const ratingRaw = sentiment === 'pos' ? r.int(4, 5) : sentiment === 'neg' ? r.int(1, 2) : 3;
      reviews.push({
        externalId: `${c.platform}-${c.seed}-${i}`,
        kind: 'review',
        authorHandle: authorHandle(r, 'zh', c.platform, female),
        ratingRaw,
        ratingScale: 5,
        text,
        lang: 'zh',
        publishedAt: new Date(first + Math.floor(r.next() * (last - first)) - (last - first > 0 ? 0 : r.int(0, 90) * DAY_MS)),
      });
    }
    await recordRun(ctx, { orgId, sourceId: source.id, channel: 'demo' }, async (run) => {
      total += (await run.ingest(reviews)).accepted;
    });
  }
  if (total) {
    for (let n = await analysePending(ctx, orgId); n > 0; n = await analysePending(ctx, orgId));
    await refreshRollups(db, orgId);
  }
  return total;
}
