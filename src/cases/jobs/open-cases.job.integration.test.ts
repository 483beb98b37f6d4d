import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test-support/test-app.ts';

let app: TestApp;
let admin: TestClient;

beforeAll(async () => {
  app = await createTestApp({ workers: true });
  admin = await app.userClient(await app.createOrg('case-worker'), 'admin');
});
afterAll(async () => {
  await app?.close();
});

test('opens a major case through the queue when an analysed mention carries a risk flag', async () => {
  const mention = (await admin.post('/api/mentions', { text: 'The doctor made a medical error and my father died. I am calling my lawyer.' })).json().mention.id;
  let caseIds: string[] = [];
  for (let i = 0; i < 100 && caseIds.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    caseIds = (await app.ctx.db.selectFrom('case_mentions').select('case_id').where('mention_id', '=', mention).execute()).map((r) => r.case_id);
  }
  expect(caseIds).toHaveLength(1);
  const detail = (await admin.get(`/api/cases/${caseIds[0]}`)).json();
  expect(detail.case).toMatchObject({ tier: 'major', status: 'new' });
  // The risks above the calibrated Major threshold that opened it: some of the three the text raises, nothing else.
  const opened: string[] = detail.timeline[0].data.risks;
  expect(opened.length).toBeGreaterThan(0);
  expect(opened.every((risk) => ['medical_error', 'death', 'legal_threat'].includes(risk))).toBe(true);
}, 30_000);
