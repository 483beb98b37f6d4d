import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { followupTimeline } from './index.ts';
import { markOverdueTasks } from './tasks.ts';
import { portalSecret, signPortalToken } from './portal-token.ts';

// Follow-up end to end through the HTTP API and the patient pages: plans and versions, QR enrolment with its consent record,
// the portal (readings, urgent tasks and notifications, photos, questions), links that expire or are changed, withdrawal,
// the overdue job, department scope and another organisation's ids.
let app: TestApp;
let orgId: string;
let admin: TestClient;
let nurse: TestClient;
let nurseId: string;
let plans: { id: string; condition: string; risk: string; enrolUrl: string; version: number; definition: { schedule: unknown } }[];
let deptA: string;
let deptB: string;

const form = (fields: Record<string, string>) => ({ payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
const tokenPath = (url: string) => new URL(url).pathname;

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('follow');
  admin = await app.userClient(orgId, 'admin');
  deptA = (await admin.post('/api/org/departments', { code: 'endo', name: 'Endocrinology' })).json().department.id;
  deptB = (await admin.post('/api/org/departments', { code: 'surg', name: 'Surgery' })).json().department.id;
  nurse = await app.userClient(orgId, 'staff', { departmentIds: [deptA] });
  nurseId = (await nurse.get('/api/auth/me')).json().user.id;
  const res = await admin.post('/api/followups/plans/defaults', {});
  expect(res.statusCode).toBe(200);
  plans = res.json().items;
});
afterAll(async () => {
  await app?.close();
});

const diabetes = () => plans.find((p) => p.condition === 'diabetes' && p.risk === 'medium')!;

async function enrolByQr(plan: { enrolUrl: string }, fields: Record<string, string> = {}) {
  const path = tokenPath(plan.enrolUrl);
  const res = await app.server.inject({ method: 'POST', url: path, ...form({ name: 'Test Patient Li', phone: '+86 100 0000 0001', consent: '1', lang: 'zh-CN', ...fields }) });
  expect(res.statusCode, res.body).toBe(303);
  const portal = res.headers.location as string;
  const id = portal.split('/')[2]!.split('.')[0]!;
  return { portal: portal.replace('?welcome=1', ''), id };
}

test('default plans come from the seeds: diabetes every three months, cancer monthly, after surgery days 1/7/30', () => {
  expect(diabetes().definition.schedule).toEqual({ kind: 'interval', everyDays: 90, count: 4 });
  expect(plans.find((p) => p.condition === 'cancer')!.definition.schedule).toEqual({ kind: 'interval', everyDays: 30, count: 12 });
  expect(plans.find((p) => p.condition === 'post_surgery')!.definition.schedule).toEqual({ kind: 'days_after', days: [1, 7, 30] });
  expect(new Set(plans.map((p) => p.condition))).toEqual(new Set(['diabetes', 'hypertension', 'cancer', 'post_surgery', 'pregnancy']));
});

test('the QR page shows the exact consent text; enrolling records what was agreed, when, the version and the hash; bad input keeps what was typed', async () => {
  const path = tokenPath(diabetes().enrolUrl);
  const page = await app.server.inject({ method: 'GET', url: `${path}?lang=ru` });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Я согласен(на), что Clinic follow связывается со мной');
  expect(page.body).not.toContain('<script');

  const refused = await app.server.inject({ method: 'POST', url: path, ...form({ name: '<script>alert(1)</script>', email: 'not-an-email', lang: 'ru' }) });
  expect(refused.statusCode).toBe(400);
  expect(refused.body).toContain('Пожалуйста, прочитайте согласие');
  expect(refused.body).toContain('Адрес e-mail выглядит неверно');
  expect(refused.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  expect(refused.body).not.toContain('<script>alert(1)');

  const { id } = await enrolByQr(diabetes(), { name: 'Test Patient Ivanova', phone: '', email: 'ivanova@example.test', lang: 'ru', consent: '1' });
  const row = await app.ctx.db
    .selectFrom('followup_enrolments as e')
    .innerJoin('followup_consent_texts as c', 'c.id', 'e.consent_text_id')
    .selectAll('e')
    .select(['c.text'])
    .where('e.id', '=', id)
    .executeTakeFirstOrThrow();
  expect(row.source).toBe('qr');
  expect(row.consent_version).toBe(1);
  expect(row.consent_locale).toBe('ru');
  expect(row.consent_agreed).toEqual({ followUp: true, photos: false });
  expect(row.consented_at).toBeInstanceOf(Date);
  expect(row.consent_sha256).toBe(createHash('sha256').update(row.text).digest('hex'));
  expect(page.body).toContain(row.text.slice(0, 60));
  const checkins = await app.ctx.db.selectFrom('followup_checkins').select(['due_at']).where('enrolment_id', '=', id).orderBy('seq').execute();
  expect(checkins).toHaveLength(4);
  const days = checkins.map((c) => Math.round((c.due_at.getTime() - row.anchor_at.getTime()) / 86_400_000));
  expect(days).toEqual([90, 180, 270, 360]);
  expect(await app.ctx.db.selectFrom('followup_tasks').select('kind').where('enrolment_id', '=', id).execute()).toHaveLength(4);
});

test('editing a plan makes a new version and never changes an enrolment already scheduled; a copy is a new plan', async () => {
  const plan = plans.find((p) => p.condition === 'hypertension')!;
  const { id } = await enrolByQr(plan, { name: 'Test Patient Chen', phone: '+86 100 0000 0002' });
  const before = await app.ctx.db.selectFrom('followup_checkins').select(['due_at']).where('enrolment_id', '=', id).orderBy('seq').execute();
  const edited = await admin.patch(`/api/followups/plans/${plan.id}`, { definition: { ...plan.definition, schedule: { kind: 'days_after', days: [3] } } });
  expect(edited.statusCode, edited.body).toBe(200);
  expect(edited.json().plan.version).toBe(2);
  const after = await app.ctx.db.selectFrom('followup_checkins').select(['due_at']).where('enrolment_id', '=', id).orderBy('seq').execute();
  expect(after).toEqual(before);
  const enrolment = (await admin.get(`/api/followups/enrolments/${id}`)).json().enrolment;
  expect(enrolment.planVersion).toBe(1);
  const copy = await admin.post(`/api/followups/plans/${plan.id}/copy`, { name: 'Hypertension (our clinic)' });
  expect(copy.statusCode).toBe(201);
  expect(copy.json().plan).toMatchObject({ name: 'Hypertension (our clinic)', copiedFrom: plan.id, version: 1 });
  expect((await nurse.patch(`/api/followups/plans/${plan.id}`, { name: 'Nurse edit' })).statusCode).toBe(403);
});

test('an out-of-range reading creates an urgent task for the care team at once and notifies them; the patient is told calmly', async () => {
  await app.ctx.db.updateTable('followup_plans').set({ department_id: deptA }).where('id', '=', diabetes().id).execute();
  const { portal, id } = await enrolByQr(diabetes(), { name: 'Test Patient Wang', phone: '+86 100 0000 0003', lang: 'en' });
  const res = await app.server.inject({ method: 'POST', url: `${portal}/readings?lang=en`, ...form({ glucose_fasting: '12.4', weight: '71,5', 'qa.0': 'Once, <b>dizzy</b> at night' }) });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.body).toContain('The care team has been told');
  expect(res.body).toContain('Fasting glucose 12.4 mmol/L');
  const readings = await app.ctx.db.selectFrom('followup_readings').selectAll().where('enrolment_id', '=', id).orderBy('metric').execute();
  expect(readings.map((r) => [r.metric, r.value, r.out_of_range])).toEqual([
    ['glucose_fasting', 12.4, true],
    ['weight', 71.5, false],
  ]);
  const urgent = await app.ctx.db.selectFrom('followup_tasks').selectAll().where('enrolment_id', '=', id).where('priority', '=', 'urgent').execute();
  expect(urgent).toHaveLength(1);
  expect(urgent[0]!.kind).toBe('urgent_reading');
  // The nurse of the plan's department is the care team and gets the notification.
  const inbox = await app.ctx.db
    .selectFrom('notification_recipients as r')
    .innerJoin('notifications as n', 'n.id', 'r.notification_id')
    .select(['n.title', 'n.is_urgent'])
    .where('r.user_id', '=', nurseId)
    .execute();
  expect(inbox.some((n) => n.is_urgent && n.title.includes('12.4'))).toBe(true);
  const tasks = (await nurse.get('/api/followups/tasks?filter=urgent')).json().items;
  expect(tasks.some((t: { enrolmentId: string; kind: string }) => t.enrolmentId === id && t.kind === 'urgent_reading')).toBe(true);

  const bad = await app.server.inject({ method: 'POST', url: `${portal}/readings?lang=en`, ...form({ glucose_fasting: 'abc', weight: '999' }) });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('Please enter a number.');
  expect(bad.body).toContain('value="abc"');
  expect(bad.body).toContain('value="999"');
  expect(res.body).toContain('any episodes of low sugar');

  const q = await app.server.inject({ method: 'POST', url: `${portal}/questions?lang=en`, ...form({ question: '<img src=x onerror=alert(1)> Is 12 bad?' }) });
  expect(q.statusCode).toBe(200);
  expect(q.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
  const detail = (await nurse.get(`/api/followups/enrolments/${id}`)).json();
  expect(detail.questions[0].text).toContain('<img');
  expect(detail.answers).toEqual([expect.objectContaining({ question: 'Since the last check-in, any episodes of low sugar (shaking, sweating, dizziness)?', answer: 'Once, <b>dizzy</b> at night' })]);
  const answered = await nurse.post(`/api/followups/questions/${detail.questions[0].id}/answer`, { answer: 'Please call us today.' });
  expect(answered.statusCode, answered.body).toBe(200);
  expect((await app.server.inject({ method: 'GET', url: portal })).body).toContain('Please call us today.');

  const timeline = await followupTimeline(app.ctx.db, orgId, detail.patient.id);
  expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['followup.enrolled', 'followup.reading_urgent', 'followup.reading', 'followup.question', 'followup.answer']));
});

test('portal links: tampered → 403, expired → 410 in the patient language; renewing retires the old link', async () => {
  const { portal, id } = await enrolByQr(diabetes(), { name: 'Test Patient Zhao', phone: '+86 100 0000 0004', lang: 'zh-CN' });
  expect((await app.server.inject({ method: 'GET', url: portal })).statusCode).toBe(200);
  const tampered = await app.server.inject({ method: 'GET', url: `${portal.slice(0, -2)}xx`, headers: { 'accept-language': 'zh-CN' } });
  expect(tampered.statusCode).toBe(403);
  expect(tampered.body).toContain('链接无效');
  const secret = await portalSecret(app.ctx.db, orgId);
  const past = signPortalToken(secret, id, new Date(Date.now() - 1000), 1);
  const expired = await app.server.inject({ method: 'GET', url: `/p/${past}`, headers: { 'accept-language': 'ru' } });
  expect(expired.statusCode).toBe(410);
  expect(expired.body).toContain('Срок действия ссылки истёк');
  const renewed = await nurse.post(`/api/followups/enrolments/${id}/renew-link`, {});
  expect(renewed.statusCode, renewed.body).toBe(200);
  expect((await app.server.inject({ method: 'GET', url: portal })).statusCode).toBe(403);
  expect((await app.server.inject({ method: 'GET', url: tokenPath(renewed.json().url) })).statusCode).toBe(200);
});

test('photos: type by magic bytes, 10 MB limit, metadata and GPS stripped; served to the organisation staff and the patient only', async () => {
  const { portal, id } = await enrolByQr(
    plans.find((p) => p.condition === 'post_surgery')!,
    { name: 'Test Patient Sun', phone: '+86 100 0000 0005', lang: 'en', photos: '1' },
  );
  const withGps = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestCam', Software: 'verity-test' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 0/1' } })
    .toBuffer();
  expect((await sharp(withGps).metadata()).exif?.toString('latin1')).toContain('TestCam');
  const upload = (content: Buffer | string, name: string, type?: string) => app.server.inject({ method: 'POST', url: `${portal}/photo?lang=en`, ...multipartBody({}, { name, content, type }) });

  const ok = await upload(withGps, 'wound.png', 'image/png');
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.body).toContain('your photo is saved');
  const stored = await app.ctx.db.selectFrom('followup_photos').selectAll().where('enrolment_id', '=', id).executeTakeFirstOrThrow();
  expect(stored.mime).toBe('image/jpeg');
  const meta = await sharp(stored.bytes!).metadata();
  expect(meta.exif).toBeUndefined();
  expect(stored.bytes!.toString('latin1')).not.toContain('TestCam');
  expect([meta.width, meta.height]).toEqual([64, 48]);

  const notImage = await upload('<?php echo 1; ?> definitely not a picture', 'photo.jpg', 'image/jpeg');
  expect(notImage.statusCode).toBe(415);
  expect(notImage.body).toContain('This file is not a JPEG, PNG or WebP picture');
  const big = await upload(Buffer.concat([withGps, Buffer.alloc(10 * 1024 * 1024 + 10)]), 'big.jpg', 'image/jpeg');
  expect(big.statusCode).toBe(413);
  expect(big.body).toContain('larger than 10 MB');
  expect(await app.ctx.db.selectFrom('followup_photos').select('id').where('enrolment_id', '=', id).execute()).toHaveLength(1);

  const staffGet = await admin.get(`/api/followups/photos/${stored.id}`);
  expect(staffGet.statusCode).toBe(200);
  expect(staffGet.headers['content-type']).toBe('image/jpeg');
  expect((await app.server.inject({ method: 'GET', url: `/api/followups/photos/${stored.id}` })).statusCode).toBe(401);
  expect((await app.server.inject({ method: 'GET', url: `${portal}/photos/${stored.id}` })).statusCode).toBe(200);
  const other = await enrolByQr(diabetes(), { name: 'Test Patient Other', phone: '+86 100 0000 0006' });
  expect((await app.server.inject({ method: 'GET', url: `${other.portal}/photos/${stored.id}` })).statusCode).toBe(404);
  const orgB = await app.createOrg('follow-b');
  const adminB = await app.userClient(orgB, 'admin');
  expect((await adminB.get(`/api/followups/photos/${stored.id}`)).statusCode).toBe(404);
  expect((await adminB.get(`/api/followups/enrolments/${id}`)).statusCode).toBe(404);
});

test('withdrawal by the patient stops all contact at once and is recorded', async () => {
  const { portal, id } = await enrolByQr(diabetes(), { name: 'Test Patient Zhou', phone: '+86 100 0000 0007' });
  const res = await app.server.inject({ method: 'POST', url: `${portal}/withdraw`, ...form({ confirm: '1' }) });
  expect(res.statusCode).toBe(200);
  const e = await app.ctx.db.selectFrom('followup_enrolments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  expect(e).toMatchObject({ status: 'withdrawn', withdrawn_via: 'patient' });
  const open = await app.ctx.db.selectFrom('followup_tasks').select('id').where('enrolment_id', '=', id).where('status', '=', 'open').execute();
  const scheduled = await app.ctx.db.selectFrom('followup_checkins').select('id').where('enrolment_id', '=', id).where('status', '=', 'scheduled').execute();
  expect([open.length, scheduled.length]).toEqual([0, 0]);
  const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'actor']).where('target_id', '=', id).execute();
  expect(audit).toEqual(expect.arrayContaining([{ action: 'followup.withdrawn', actor: 'patient' }]));
  const again = await app.server.inject({ method: 'POST', url: `${portal}/readings`, ...form({ glucose_fasting: '5' }) });
  expect(again.statusCode).toBe(409);
  expect(await app.ctx.db.selectFrom('followup_readings').select('id').where('enrolment_id', '=', id).execute()).toHaveLength(0);
});

test('staff enrol into their own department; the overdue job marks overdue tasks once and notifies the care team; staff see only their departments', async () => {
  const plan = plans.find((p) => p.condition === 'post_surgery')!;
  const past = new Date(Date.now() - 10 * 86_400_000).toISOString();
  const denied = await nurse.post('/api/followups/enrolments', { planId: plan.id, patient: { name: 'Test Patient Wu', phone: '+86 100 0000 0008' }, anchorAt: past, departmentId: deptB });
  expect(denied.statusCode).toBe(400);
  const mine = await nurse.post('/api/followups/enrolments', { planId: plan.id, patient: { name: 'Test Patient Wu', phone: '+86 100 0000 0008' }, anchorAt: past });
  expect(mine.statusCode, mine.body).toBe(201);
  expect(mine.json().enrolment.departmentId).toBe(deptA);
  const theirs = await admin.post('/api/followups/enrolments', { planId: plan.id, patient: { name: 'Test Patient Xu', phone: '+86 100 0000 0009' }, anchorAt: past, departmentId: deptB });
  expect(theirs.statusCode).toBe(201);

  const marked = await markOverdueTasks(app.ctx.db, null, 'http://verity.test');
  expect(marked).toBeGreaterThanOrEqual(4);
  expect(await markOverdueTasks(app.ctx.db, null, 'http://verity.test')).toBe(0);
  const notes = await app.ctx.db.selectFrom('notification_recipients as r').innerJoin('notifications as n', 'n.id', 'r.notification_id').select(['n.title']).where('r.user_id', '=', nurseId).execute();
  expect(notes.some((n) => /follow-up tasks are overdue/.test(n.title))).toBe(true);

  const overdue = (await nurse.get('/api/followups/tasks?filter=overdue')).json().items as { enrolmentId: string; overdue: boolean }[];
  expect(overdue.some((t) => t.enrolmentId === mine.json().enrolment.id && t.overdue)).toBe(true);
  expect(overdue.some((t) => t.enrolmentId === theirs.json().enrolment.id)).toBe(false);
  expect((await nurse.get(`/api/followups/enrolments/${theirs.json().enrolment.id}`)).statusCode).toBe(404);
  const list = (await nurse.get('/api/followups/enrolments')).json().items as { id: string }[];
  expect(list.some((e) => e.id === theirs.json().enrolment.id)).toBe(false);

  const task = overdue.find((t) => t.enrolmentId === mine.json().enrolment.id) as unknown as { id: string };
  const done = await nurse.post(`/api/followups/tasks/${task.id}/complete`, { note: 'Called; wound healing well.' });
  expect(done.statusCode, done.body).toBe(200);
  expect((await nurse.post(`/api/followups/tasks/${task.id}/complete`, { note: 'again' })).statusCode).toBe(409);
  const detail = (await nurse.get(`/api/followups/enrolments/${mine.json().enrolment.id}`)).json();
  expect(detail.checkins.filter((c: { status: string }) => c.status === 'done')).toHaveLength(1);
  expect(detail.portal.url).toMatch(/\/p\//);
  expect(detail.patient.phone).toBe('+86 100 0000 0008');

  const leader = await app.userClient(orgId, 'leadership');
  const seen = (await leader.get(`/api/followups/enrolments/${mine.json().enrolment.id}`)).json();
  expect(seen.portal).toBeNull();
  expect((await leader.post(`/api/followups/tasks/${task.id}/complete`, { note: 'x' })).statusCode).toBe(403);
});
