import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { evaluateMentionRules } from './evaluate-mention-rules.ts';
import { evaluateVolumeRules } from './evaluate-volume-rules.ts';

let app: TestApp;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('alerts-competitors');
});
afterAll(async () => app?.close());

async function negativeMentions(competitor: string | null, n: number): Promise<string[]> {
  const db = app.ctx.db;
  const source = await db
    .insertInto('sources')
    .values({ org_id: orgId, name: `source ${competitor ?? 'own'}`, kind: 'file', competitor })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = Array.from({ length: n }, (_, i) => ({
    org_id: orgId,
    source_id: source.id,
    kind: 'review' as const,
    external_key: `${competitor ?? 'own'}-${i}`,
    content_hash: `${competitor ?? 'own'}-${i}`,
    text: '等了三个小时，态度很差',
    published_at: new Date(),
    analysed_at: new Date(),
    sentiment: 'negative' as const,
    risks: [],
  }));
  return (await db.insertInto('mentions').values(rows).returning('id').execute()).map((r) => r.id);
}

test('a competitor’s negative mentions match no mention rule and count in no volume rule', async () => {
  const db = app.ctx.db;
  const scope = JSON.stringify({ locationIds: [], departmentIds: [], sourceIds: [] });
  await db
    .insertInto('alert_rules')
    .values({ org_id: orgId, name: 'Negatives', kind: 'mention', scope, mention: JSON.stringify({ sentimentNegative: true }) })
    .execute();
  await db
    .insertInto('alert_rules')
    .values({ org_id: orgId, name: 'Many negatives', kind: 'volume', scope, volume: JSON.stringify({ metric: 'negative_count', windowMinutes: 60, threshold: 3, minCount: 3 }) })
    .execute();
  const rival = await negativeMentions('Rival Clinic', 5);
  await evaluateMentionRules(app.ctx, orgId, rival);
  await evaluateVolumeRules(app.ctx);
  expect(await db.selectFrom('alerts').select('id').where('org_id', '=', orgId).execute()).toEqual([]);

  // The same of our own: one alert per rule.
  const own = await negativeMentions(null, 5);
  await evaluateMentionRules(app.ctx, orgId, own);
  await evaluateVolumeRules(app.ctx);
  const alerts = await db.selectFrom('alerts').select(['mention_ids']).where('org_id', '=', orgId).execute();
  expect(alerts).toHaveLength(2);
  for (const a of alerts) for (const id of a.mention_ids) expect(own).toContain(id);
});
