import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.ts';
import { openCasesForMentions } from './open-cases-for-mentions.ts';

let app: TestApp;
let orgId: string;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('cases-competitors');
});
afterAll(async () => app?.close());

async function riskyMention(competitor: string | null): Promise<string> {
  const db = app.ctx.db;
  const source = await db
    .insertInto('sources')
    .values({ org_id: orgId, name: `source ${competitor ?? 'own'}`, kind: 'file', competitor })
    .returning('id')
    .executeTakeFirstOrThrow();
  const analysis = { riskThreshold: 0.5, risks: [{ risk: 'safety_incident', span: [0, 4], cue: '摔倒', confidence: 0.95 }] };
  const row = await db
    .insertInto('mentions')
    .values({
      org_id: orgId,
      source_id: source.id,
      kind: 'review',
      external_key: competitor ?? 'own',
      content_hash: competitor ?? 'own',
      author_handle: 'same author',
      text: '病人在走廊摔倒，没有人管',
      published_at: new Date(),
      analysed_at: new Date(),
      analysis: JSON.stringify(analysis),
      sentiment: 'negative',
      risks: ['safety_incident'],
      case_request: 'general',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

test('a competitor’s mention with a major risk opens no case and waits for no review; our own opens one', async () => {
  const db = app.ctx.db;
  const rival = await riskyMention('Rival Clinic');
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [rival] })).toEqual([]);
  expect(await db.selectFrom('cases').select('id').where('org_id', '=', orgId).execute()).toEqual([]);
  expect(await db.selectFrom('mentions').select('to_review').where('id', '=', rival).executeTakeFirstOrThrow()).toEqual({ to_review: false });

  const own = await riskyMention(null);
  expect(await openCasesForMentions(app.ctx, { orgId, mentionIds: [own] })).toHaveLength(1);
  expect(await db.selectFrom('cases').select('tier').where('org_id', '=', orgId).execute()).toEqual([{ tier: 'major' }]);
});
