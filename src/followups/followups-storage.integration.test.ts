import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { markOverdueTasks } from './tasks.ts';

// Photos kept in VERITY_UPLOAD_DIR instead of the database, and overdue call reminders that respect a patient's opt-out.
let app: TestApp;
let orgId: string;
let admin: TestClient;
let planId: string;
let enrolUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'verity-uploads-'));

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('follow-store');
  admin = await app.userClient(orgId, 'admin');
  const plans = (await admin.post('/api/followups/plans/defaults', {})).json().items as { id: string; condition: string; enrolUrl: string }[];
  const plan = plans.find((p) => p.condition === 'post_surgery')!;
  planId = plan.id;
  enrolUrl = plan.enrolUrl;
});
afterAll(async () => {
  delete process.env.VERITY_UPLOAD_DIR;
  rmSync(dir, { recursive: true, force: true });
  await app?.close();
});

test('with VERITY_UPLOAD_DIR a cleaned photo is written there (not to the database) and served back', async () => {
  const enrol = await app.server.inject({
    method: 'POST',
    url: new URL(enrolUrl).pathname,
    payload: new URLSearchParams({ name: 'Test Patient Dir', phone: '+86 100 0000 0201', consent: '1', lang: 'en' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(enrol.statusCode).toBe(303);
  const portal = (enrol.headers.location as string).replace('?welcome=1', '');
  const png = await sharp({ create: { width: 20, height: 20, channels: 4, background: '#3a6' } })
    .png()
    .withExif({ IFD0: { Artist: 'Someone Secret' } })
    .toBuffer();
  process.env.VERITY_UPLOAD_DIR = dir;
  try {
    const res = await app.server.inject({ method: 'POST', url: `${portal}/photo`, ...multipartBody({}, { name: 'x.webp', content: png, type: 'image/webp' }) });
    expect(res.statusCode, res.body).toBe(200);
    const row = await app.ctx.db.selectFrom('followup_photos').selectAll().where('org_id', '=', orgId).executeTakeFirstOrThrow();
    expect(row.bytes).toBeNull();
    expect(row.mime).toBe('image/png');
    const files = readdirSync(join(dir, orgId));
    expect(files).toHaveLength(1);
    const stored = readFileSync(join(dir, orgId, files[0]!));
    expect(stored.toString('latin1')).not.toContain('Someone Secret');
    const served = await admin.get(`/api/followups/photos/${row.id}`);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(stored)).toBe(true);
  } finally {
    delete process.env.VERITY_UPLOAD_DIR;
  }
});

test('an overdue call to a patient who opted out sends no reminder; the task stays visible as do-not-contact', async () => {
  const res = await admin.post('/api/followups/enrolments', {
    planId,
    patient: { name: 'Test Patient Optout', phone: '+86 100 0000 0202' },
    anchorAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  const enrolment = res.json().enrolment as { id: string; patientId: string };
  await app.ctx.db.updateTable('patients').set({ opted_out_at: new Date() }).where('id', '=', enrolment.patientId).execute();
  const before = await app.ctx.db.selectFrom('notifications').select('id').where('org_id', '=', orgId).execute();
  expect(await markOverdueTasks(app.ctx.db, null, 'http://verity.test')).toBeGreaterThan(0);
  const after = await app.ctx.db.selectFrom('notifications').select('id').where('org_id', '=', orgId).execute();
  expect(after).toHaveLength(before.length);
  const tasks = (await admin.get('/api/followups/tasks?filter=overdue')).json().items as { enrolmentId: string; optedOut: boolean }[];
  expect(tasks.filter((t) => t.enrolmentId === enrolment.id).every((t) => t.optedOut)).toBe(true);
});
