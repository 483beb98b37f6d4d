import { afterAll, beforeAll, expect, test } from 'vitest';
import { runJob } from '../core/jobs.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from '../test-support/test-app.ts';
import { attributeVisitsJob } from './jobs/attribute-visits.job.ts';
import { DEFAULT_VELOCITY_PER_DAY } from './referrals.vocab.ts';

/*
 * Referrals end to end through the API and the public landing page: programme validation (and the
 * refusal of any review condition), a patient's link and QR code, the landing page (click, cookie,
 * offer without the referrer's contact details, per-field errors keeping what was typed, 404/410),
 * booking, attribution by an imported visit, each fraud check, caps and market limits.
 */

let app: TestApp;
let admin: TestClient;
let orgId: string;
const UA = { 'user-agent': 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36' };

const upload = (content: string) => {
  const body = multipartBody({}, { name: 'visits.csv', content });
  return admin.request({ method: 'POST', url: '/api/visits/import', payload: body.payload, headers: body.headers });
};

const programme = (overrides: Record<string, unknown> = {}) => ({
  name: '老带新',
  status: 'active',
  referrerReward: { kind: 'points', amount: 200, unit: 'pts' },
  refereeReward: { kind: 'free_checkup', amount: 1, label: 'A free check-up' },
  trigger: 'booked',
  ...overrides,
});

async function patient(name: string, phone: string | null, extra: Record<string, unknown> = {}) {
  const row = await app.ctx.db
    .insertInto('patients')
    .values({ org_id: orgId, name, phone, email: null, ...extra })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function linkOf(patientId: string, programmeId: string) {
  const res = await admin.post(`/api/patients/${patientId}/referral-link`, { programmeId });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().link as { id: string; code: string; url: string };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const book = (code: string, fields: Record<string, string>, headers: Record<string, string> = UA) =>
  app.server.inject({ method: 'POST', url: `/r/${code}`, payload: form(fields), headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' } });

async function rewardsOf(referralId: string) {
  return app.ctx.db
    .selectFrom('rewards')
    .select(['role', 'status', 'hold_reasons', (eb) => eb.cast<number>('amount', 'float8').as('amount')])
    .where('referral_id', '=', referralId)
    .orderBy('role')
    .execute();
}
async function referralOf(refereeName: string) {
  return app.ctx.db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', 'p.id', 'r.referee_patient_id')
    .select(['r.id', 'r.status', 'r.via', 'r.hold_reasons', 'r.device_hash', 'r.referee_patient_id'])
    .where('p.name', '=', refereeName)
    .where('r.org_id', '=', orgId)
    .executeTakeFirstOrThrow();
}

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('referrals-clinic');
  admin = await app.userClient(orgId, 'admin');
});
afterAll(async () => {
  await app?.close();
});

test('programmes: strict schemas refuse a review condition and unknown fields; dates in order; the market defaults are offered', async () => {
  for (const field of [{ requiresReview: true }, { rewardOnRating: 5 }, { refereeReward: { kind: 'points', amount: 10, conditionOnReview: true } }]) {
    const res = await admin.post('/api/referral-programmes', programme(field));
    expect(res.statusCode, JSON.stringify(field)).toBe(400);
  }
  const dates = await admin.request({ method: 'POST', url: '/api/referral-programmes', payload: programme({ startsOn: '2026-12-10', endsOn: '2026-12-01' }), headers: { 'accept-language': 'ru' } });
  expect(dates.statusCode).toBe(400);
  expect(dates.json().error.message).toContain('не может закончиться');
  const created = await admin.post('/api/referral-programmes', programme({ name: 'Draft one', status: undefined }));
  expect(created.statusCode, created.body).toBe(201);
  expect(created.json().programme).toMatchObject({ status: 'draft', trigger: 'booked', rewardValidDays: 90 });
  const patched = await admin.patch(`/api/referral-programmes/${created.json().programme.id}`, { capPerReferrer: 3, marketRules: { excludePublicScheme: true } });
  expect(patched.json().programme).toMatchObject({ capPerReferrer: 3, marketRules: { excludePublicScheme: true } });
  expect((await admin.patch(`/api/referral-programmes/${created.json().programme.id}`, { reviewRequired: true })).statusCode).toBe(400);
  const list = (await admin.get('/api/referral-programmes')).json();
  expect(list.marketDefaults.us).toMatchObject({ excludePublicScheme: true, nominalValue: { perItem: 15, perYear: 75, currency: 'USD' } });
  const marketing = await app.userClient(orgId, 'pr');
  expect((await marketing.post('/api/referral-programmes', programme())).statusCode).toBe(403);
});

test('landing and booking: click and cookie, the offer with a first name only, errors keep what was typed, a booking pays a booked-trigger programme; 404 and 410', async () => {
  const p = (await admin.post('/api/referral-programmes', programme({ eligibility: { refereeMustBeNew: true } }))).json().programme;
  const anna = await patient('Anna Petrova', '+7 900 111 22 33', { email: 'anna@example.test' });
  const link = await linkOf(anna, p.id);
  expect(link.url).toMatch(new RegExp(`/r/${link.code}$`));
  expect((await linkOf(anna, p.id)).code).toBe(link.code);
  const qr = await admin.get(`/api/referral-links/${link.id}/qr.png`);
  expect(qr.headers['content-type']).toBe('image/png');
  expect(qr.rawPayload.subarray(1, 4).toString()).toBe('PNG');

  const page = await app.server.inject({ method: 'GET', url: `/r/${link.code.toLowerCase()}?lang=en`, headers: UA });
  expect(page.statusCode).toBe(200);
  expect(page.body).toContain('Anna recommends us');
  expect(page.body).toContain('A free check-up');
  expect(page.body).not.toContain('Petrova');
  expect(page.body).not.toContain('111 22 33');
  expect(page.cookies.find((c) => c.name === 'verity_via')?.value).toBe(link.code);
  const clicks = await app.ctx.db.selectFrom('share_clicks').select(['bot', 'visitor_hash']).where('link_id', '=', link.id).execute();
  expect(clicks).toHaveLength(1);
  expect(clicks[0]!.bot).toBe(false);

  const bad = await book(link.code, { lang: 'zh-CN', name: '王小明', phone: 'abc', email: '' });
  expect(bad.statusCode).toBe(400);
  expect(bad.body).toContain('电话号码格式不正确');
  expect(bad.body).toContain('请勾选同意');
  expect(bad.body).toContain('value="王小明"');

  const ok = await book(link.code, { lang: 'en', name: 'Boris New', phone: '+7 900 555 00 01', email: 'boris@example.test', date: '2099-01-15', consent: '1' });
  expect(ok.statusCode, ok.body).toBe(200);
  expect(ok.body).toContain('We have your request');
  const referral = await referralOf('Boris New');
  expect(referral).toMatchObject({ status: 'booked', via: 'booking_form', hold_reasons: [] });
  expect(referral.device_hash).toBe(clicks[0]!.visitor_hash);
  expect(await rewardsOf(referral.id)).toEqual([
    { role: 'referee', status: 'earned', hold_reasons: [], amount: 1 },
    { role: 'referrer', status: 'earned', hold_reasons: [], amount: 200 },
  ]);
  const conversions = await app.ctx.db.selectFrom('share_conversions').select('kind').where('link_id', '=', link.id).execute();
  expect(conversions.map((c) => c.kind)).toEqual(['booked']);

  expect((await app.server.inject({ method: 'GET', url: '/r/ZZZZZZZZ?lang=ru' })).statusCode).toBe(404);
  await admin.patch(`/api/referral-programmes/${p.id}`, { status: 'ended' });
  const ended = await app.server.inject({ method: 'GET', url: `/r/${link.code}?lang=ru` });
  expect(ended.statusCode).toBe(410);
  expect(ended.body).toContain('Предложение завершено');
});

test('attribution by an imported visit: the booked referral becomes visited (via visit_import) and a visit-triggered programme pays', async () => {
  const p = (await admin.post('/api/referral-programmes', programme({ name: 'Visit-triggered', trigger: 'visited' }))).json().programme;
  const referrer = await patient('Chen Referrer', '+86 138 0000 1111');
  const link = await linkOf(referrer, p.id);
  await app.server.inject({ method: 'GET', url: `/r/${link.code}`, headers: { ...UA, 'x-forwarded-for': '10.0.0.9' } });
  const booked = await book(link.code, { name: 'Dmitri Import', phone: '+7 901 000 00 77', consent: '1' }, { ...UA, 'user-agent': `${UA['user-agent']} import` });
  expect(booked.statusCode, booked.body).toBe(200);
  const before = await referralOf('Dmitri Import');
  expect(await rewardsOf(before.id)).toEqual([]);
  await app.ctx.db.updateTable('patients').set({ external_id: 'MRN-77' }).where('id', '=', before.referee_patient_id).execute();
  // The job's subscription is registered by the workers; this app only sends, so subscribe here.
  await app.ctx.boss!.createQueue(attributeVisitsJob.name);
  await app.ctx.boss!.subscribe('outreach.visits-imported', attributeVisitsJob.name);
  const day = new Date().toISOString().slice(0, 10);
  const res = await upload(['patient id,name,phone,visit id,kind,started,ended', `MRN-77,Dmitri Import,+7 901 000 00 77,V-77,outpatient,${day} 10:00,${day} 10:30`].join('\n'));
  expect(res.statusCode, res.body).toBe(200);
  const [job] = await app.ctx.boss!.fetch(attributeVisitsJob.name);
  expect(job).toBeDefined();
  await runJob(app.ctx, attributeVisitsJob, job!.data);
  const after = await referralOf('Dmitri Import');
  expect(after).toMatchObject({ status: 'visited', via: 'booking_form' });
  const row = await app.ctx.db.selectFrom('referrals').select(['visit_id', 'note']).where('id', '=', after.id).executeTakeFirstOrThrow();
  expect(row.visit_id).not.toBeNull();
  expect(row.note).toBe('via visit_import');
  expect((await rewardsOf(after.id)).map((r) => r.status)).toEqual(['earned', 'earned']);
  const kinds = await app.ctx.db.selectFrom('share_conversions').select('kind').where('link_id', '=', link.id).orderBy('kind').execute();
  expect(kinds.map((k) => k.kind)).toEqual(['booked', 'visited']);
  // Staff: attribute by hand and mark visited.
  const walkIn = await patient('Elena Walkin', '+7 902 000 00 00');
  const attributed = await admin.post('/api/referrals/attribute', { patientId: walkIn, code: link.code.toLowerCase() });
  expect(attributed.statusCode, attributed.body).toBe(201);
  expect((await admin.post(`/api/referrals/${attributed.json().id}/visited`, {})).statusCode).toBe(200);
  expect((await rewardsOf(attributed.json().id)).map((r) => r.status)).toEqual(['earned', 'earned']);
  expect((await admin.post(`/api/referrals/${attributed.json().id}/visited`, {})).statusCode).toBe(400);
  expect((await admin.post('/api/referrals/attribute', { patientId: referrer, code: link.code })).statusCode).toBe(400);
});

test('fraud checks hold both rewards with their reasons: self-referral, same contact, existing patient, velocity, shared device; review approves or refuses', async () => {
  const p = (await admin.post('/api/referral-programmes', programme({ name: 'Fraud', eligibility: { refereeMustBeNew: true } }))).json().programme;
  const ref = await patient('Fedor Sharer', '+7 903 123 45 67', { email: 'fedor@example.test' });
  const link = await linkOf(ref, p.id);
  const ua = (n: string) => ({ 'user-agent': `${UA['user-agent']} ${n}` });
  // The referrer books on their own link with their own phone.
  await book(link.code, { name: 'Fedor Again', phone: '8 (903) 123-45-67'.replace(/^8/, '+7'), consent: '1' }, ua('self'));
  const self = await app.ctx.db.selectFrom('referrals').select(['id', 'hold_reasons']).where('referee_patient_id', '=', ref).executeTakeFirstOrThrow();
  expect(self.hold_reasons).toEqual(['self_referral']);
  expect((await rewardsOf(self.id)).map((r) => [r.status, r.hold_reasons])).toEqual([
    ['held', ['self_referral']],
    ['held', ['self_referral']],
  ]);
  // A new record with the referrer's e-mail.
  await book(link.code, { name: 'Galina Same', email: 'FEDOR@example.test', consent: '1' }, ua('same'));
  // Email matched the referrer: the booking is the referrer's (a second one in the programme changes nothing).
  expect(await app.ctx.db.selectFrom('patients').select('id').where('name', '=', 'Galina Same').executeTakeFirst()).toBeUndefined();
  // same_contact: a distinct patient record that shares the referrer's phone, attributed by staff.
  const twin = await patient('Twin Record', '+7 903 123 45 67');
  const twinRef = (await admin.post('/api/referrals/attribute', { patientId: twin, code: link.code })).json().id;
  expect((await app.ctx.db.selectFrom('referrals').select('hold_reasons').where('id', '=', twinRef).executeTakeFirstOrThrow()).hold_reasons).toEqual(['same_contact']);
  // existing_patient: visited a month ago.
  const old = await patient('Old Patient', '+7 904 000 00 01');
  await app.ctx.db
    .insertInto('visits')
    .values({ org_id: orgId, patient_id: old, source: 'csv', started_at: new Date(Date.now() - 30 * 86_400_000) })
    .execute();
  const oldRef = (await admin.post('/api/referrals/attribute', { patientId: old, code: link.code })).json().id;
  expect((await app.ctx.db.selectFrom('referrals').select('hold_reasons').where('id', '=', oldRef).executeTakeFirstOrThrow()).hold_reasons).toEqual(['existing_patient']);
  // shared_device: the same browser books with a second code.
  const other = await linkOf(await patient('Second Sharer', '+7 905 000 00 02'), p.id);
  await book(other.code, { name: 'Device Twin', phone: '+7 906 000 00 03', consent: '1' }, ua('self'));
  expect((await referralOf('Device Twin')).hold_reasons).toEqual(['shared_device']);
  // velocity: this referrer now has 3 referrals today; two more are fine, the next is held.
  const counts = [];
  for (let i = 0; i < DEFAULT_VELOCITY_PER_DAY - 1; i++) {
    await book(link.code, { name: `Fast ${i}`, phone: `+7 907 000 10 ${10 + i}`, consent: '1' }, ua(`fast-${i}`));
    counts.push((await referralOf(`Fast ${i}`)).hold_reasons);
  }
  expect(counts.at(-1)).toEqual(['velocity']);
  expect(counts[0]).toEqual([]);
  // The review queue: approve one, refuse another with a note.
  const held = (await admin.get('/api/rewards?status=held')).json().items as { id: string; referralId: string; holdReasons: string[] }[];
  expect(held.find((h) => h.referralId === self.id)?.holdReasons).toEqual(['self_referral']);
  const [first, second] = held.filter((h) => h.referralId === twinRef);
  expect((await admin.post(`/api/rewards/${first!.id}/transition`, { action: 'approve', note: 'siblings, checked' })).json().status).toBe('earned');
  expect((await admin.post(`/api/rewards/${second!.id}/transition`, { action: 'refuse', note: 'same person' })).json().status).toBe('reversed');
  expect((await admin.post(`/api/rewards/${second!.id}/transition`, { action: 'approve' })).statusCode).toBe(400);
  const audit = await app.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', second!.id).execute();
  expect(audit).toEqual([{ action: 'reward.refuse', details: { from: 'held', to: 'reversed', note: 'same person' } }]);
});

test('caps and market limits withhold or cap a reward with the reason shown', async () => {
  const p = (
    await admin.post(
      '/api/referral-programmes',
      programme({
        name: 'US nominal',
        capPerReferrer: 2,
        referrerReward: { kind: 'discount_amount', amount: 20, unit: 'USD' },
        refereeReward: { kind: 'free_checkup', amount: 1 },
        marketRules: { excludePublicScheme: true, nominalValue: { perItem: 15, perYear: 25, currency: 'USD' }, unitValues: { free_checkup: 30 } },
      }),
    )
  ).json().programme;
  const ref = await patient('Hanna Capped', '+1 202 555 0100');
  const link = await linkOf(ref, p.id);
  const ids: string[] = [];
  for (const [i, name] of ['Ivy One', 'Jack Two', 'Kim Three'].entries()) {
    const id = await patient(name, `+1 202 555 01${10 + i}`, i === 1 ? { public_scheme: true } : {});
    ids.push((await admin.post('/api/referrals/attribute', { patientId: id, code: link.code })).json().id);
  }
  const [one, two, three] = await Promise.all(ids.map(rewardsOf));
  // Per item 15 USD: 20 off becomes 15; a check-up worth 30 is over the item limit and nothing is left → withheld.
  expect(one).toEqual([
    { role: 'referee', status: 'reversed', hold_reasons: ['nominal_item', 'nominal_year'], amount: 1 },
    { role: 'referrer', status: 'earned', hold_reasons: ['nominal_item'], amount: 15 },
  ]);
  // The year's 25 USD: 10 left for the referrer; the public-scheme patient gets nothing.
  expect(two).toEqual([
    { role: 'referee', status: 'reversed', hold_reasons: ['public_scheme'], amount: 1 },
    { role: 'referrer', status: 'earned', hold_reasons: ['nominal_item', 'nominal_year'], amount: 10 },
  ]);
  // Lifetime cap of 2 for the referrer.
  expect(three!.find((r) => r.role === 'referrer')).toMatchObject({ status: 'reversed', hold_reasons: ['cap_referrer'] });
  const ledger = (await admin.get('/api/reward-ledger')).json();
  const sum = (ledger.entries as { amount: number }[]).reduce((s, e) => s + e.amount, 0);
  expect(sum).toBe(0);
});
