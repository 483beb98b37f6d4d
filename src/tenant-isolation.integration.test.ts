import { afterAll, beforeAll, expect, test } from 'vitest';
import { enqueueNotification } from './notifications/enqueue-notification.ts';
import { createTestApp, multipartBody, type TestApp, type TestClient } from './test-support/test-app.ts';

/*
 * The key acceptance test of multi-tenancy: a user of organisation A gets 404 for every id of
 * organisation B, on every route. The routes are collected from the running server, so adding a
 * route with an :id parameter without a row in MATRIX below fails this file.
 *
 * /api/v1/sources/:id/* is left out on purpose: those routes authenticate with the source's own
 * token or webhook secret, not a session, and push.integration.test.ts covers wrong credentials.
 */

type Kind =
  | 'location'
  | 'department'
  | 'staff'
  | 'user'
  | 'source'
  | 'mention'
  | 'importRun'
  | 'alertChannel'
  | 'alertRule'
  | 'alert'
  | 'notification'
  | 'delivery'
  | 'mail'
  | 'case'
  | 'caseAction'
  | 'reply'
  | 'team'
  | 'survey'
  | 'surveyLink'
  | 'patient'
  | 'followupPlan'
  | 'followupEnrolment'
  | 'followupTask'
  | 'followupPhoto'
  | 'followupQuestion'
  | 'reportSchedule'
  | 'advocateInvitation'
  | 'story'
  | 'storyConsent'
  | 'storyUse'
  | 'storyRequest'
  | 'shareLink'
  | 'referralProgramme'
  | 'referralLink'
  | 'referral'
  | 'reward'
  | 'poster'
  | 'post'
  | 'report';
interface Case {
  kind: Kind;
  body?: unknown;
}

/** A well-formed id that names nothing, for bodies that need one. */
const NO_ID = '00000000-0000-4000-8000-000000000000';

const MATRIX: Record<string, Case> = {
  'PATCH /api/org/locations/:id': { kind: 'location', body: { name: 'Taken over' } },
  'DELETE /api/org/locations/:id': { kind: 'location' },
  'PATCH /api/org/departments/:id': { kind: 'department', body: { name: 'Taken over' } },
  'DELETE /api/org/departments/:id': { kind: 'department' },
  'PATCH /api/org/staff/:id': { kind: 'staff', body: { name: 'Taken over' } },
  'DELETE /api/org/staff/:id': { kind: 'staff' },
  'GET /api/scorecards/staff/:id': { kind: 'staff' },
  'GET /api/scorecards/departments/:id': { kind: 'department' },
  'PATCH /api/users/:id': { kind: 'user', body: { name: 'Taken over', disabled: true, password: 'a new password' } },
  'GET /api/mentions/:id': { kind: 'mention' },
  'PATCH /api/mentions/:id': { kind: 'mention', body: { status: 'dismissed' } },
  'POST /api/mentions/:id/not-a-risk': { kind: 'mention', body: {} },
  'POST /api/mentions/:id/corrections': { kind: 'mention', body: { kind: 'sentiment', value: 'positive' } },
  'DELETE /api/mentions/:id/corrections/:correctionId': { kind: 'mention' },
  'POST /api/sources/:id/rotate-token': { kind: 'source' },
  'PUT /api/sources/:id/defaults': { kind: 'source', body: { defaultLocationId: null, defaultDepartmentId: null } },
  'GET /api/imports/:id': { kind: 'importRun' },
  'PATCH /api/alert-channels/:id': { kind: 'alertChannel', body: { name: 'Taken over', enabled: false } },
  'DELETE /api/alert-channels/:id': { kind: 'alertChannel' },
  'PATCH /api/alert-rules/:id': { kind: 'alertRule', body: { name: 'Taken over', enabled: false } },
  'DELETE /api/alert-rules/:id': { kind: 'alertRule' },
  'POST /api/alerts/:id/acknowledge': { kind: 'alert' },
  'POST /api/notifications/:id/read': { kind: 'notification' },
  'POST /api/deliveries/:id/retry': { kind: 'delivery' },
  'GET /api/mail-outbox/:id': { kind: 'mail' },
  'GET /api/cases/:id': { kind: 'case' },
  'POST /api/cases/:id/transition': { kind: 'case', body: { to: 'acknowledged' } },
  'POST /api/cases/:id/assign': { kind: 'case', body: { assigneeId: NO_ID } },
  'POST /api/cases/:id/handling': { kind: 'case', body: { type: 'apology', note: 'Taken over' } },
  'POST /api/cases/:id/actions': { kind: 'case', body: { kind: 'corrective', description: 'Taken over', aspect: 'process.waiting', ownerId: NO_ID, dueAt: '2030-01-01' } },
  'PATCH /api/cases/:id/actions/:actionId': { kind: 'case', body: { status: 'done' } },
  'POST /api/cases/:id/close': { kind: 'case', body: { rootCauseId: NO_ID } },
  'POST /api/cases/:id/reopen': { kind: 'case', body: { note: 'Taken over' } },
  'GET /api/cases/:id/evidence.zip': { kind: 'case' },
  'POST /api/cases/:id/replies': { kind: 'case', body: { text: 'Taken over', lang: 'en', kind: 'public' } },
  'POST /api/cases/:id/mentions': { kind: 'case', body: { mentionId: NO_ID } },
  'DELETE /api/cases/:id/mentions/:mentionId': { kind: 'case' },
  'PATCH /api/teams/:id': { kind: 'team', body: { name: 'Taken over', autoAssign: false } },
  'POST /api/teams/:id/members': { kind: 'team', body: { userId: NO_ID } },
  'PATCH /api/teams/:id/members/:userId': { kind: 'team', body: { onShift: false } },
  'DELETE /api/teams/:id/members/:userId': { kind: 'team' },
  'POST /api/replies/:id/approve': { kind: 'reply' },
  'PATCH /api/replies/:id': { kind: 'reply', body: { text: 'Taken over' } },
  'POST /api/replies/:id/posted': { kind: 'reply', body: { url: 'https://example.test/taken-over' } },
  'GET /api/surveys/:id': { kind: 'survey' },
  'PATCH /api/surveys/:id': { kind: 'survey', body: { name: 'Taken over', status: 'archived' } },
  'POST /api/surveys/:id/copy': { kind: 'survey', body: {} },
  'POST /api/surveys/:id/versions': { kind: 'survey', body: { definition: { pages: [{ questions: [{ id: 'taken', type: 'free_text', text: { en: 'Taken over?' } }] }] } } },
  'GET /api/surveys/:id/links': { kind: 'survey' },
  'POST /api/surveys/:id/links': { kind: 'survey', body: { scope: 'organisation' } },
  'GET /api/survey-links/:id': { kind: 'surveyLink' },
  'POST /api/survey-links/:id/disable': { kind: 'surveyLink' },
  'GET /api/survey-links/:id/qr.png': { kind: 'surveyLink' },
  'GET /api/survey-links/:id/qr.svg': { kind: 'surveyLink' },
  'GET /api/survey-links/:id/card.pdf': { kind: 'surveyLink' },
  'GET /api/patients/:id': { kind: 'patient' },
  'PATCH /api/patients/:id': { kind: 'patient', body: { optedOut: true, name: 'Taken over' } },
  'GET /api/patients/:id/timeline': { kind: 'patient' },
  'GET /api/followups/plans/:id': { kind: 'followupPlan' },
  'PATCH /api/followups/plans/:id': { kind: 'followupPlan', body: { name: 'Taken over', status: 'archived' } },
  'POST /api/followups/plans/:id/copy': { kind: 'followupPlan', body: {} },
  'GET /api/followups/plans/:id/qr.svg': { kind: 'followupPlan' },
  'GET /api/followups/enrolments/:id': { kind: 'followupEnrolment' },
  'POST /api/followups/enrolments/:id/withdraw': { kind: 'followupEnrolment', body: { reason: 'Taken over' } },
  'POST /api/followups/enrolments/:id/renew-link': { kind: 'followupEnrolment' },
  'GET /api/followups/photos/:id': { kind: 'followupPhoto' },
  'POST /api/followups/tasks/:id/complete': { kind: 'followupTask', body: { note: 'Taken over' } },
  'POST /api/followups/questions/:id/answer': { kind: 'followupQuestion', body: { answer: 'Taken over' } },
  'GET /api/report-schedules/:id': { kind: 'reportSchedule' },
  'PATCH /api/report-schedules/:id': { kind: 'reportSchedule', body: { recipients: ['taken@over.test'], enabled: false } },
  'DELETE /api/report-schedules/:id': { kind: 'reportSchedule' },
  'POST /api/report-schedules/:id/make': { kind: 'reportSchedule', body: { send: true } },
  'GET /api/reports/:id': { kind: 'report' },
  'POST /api/reports/:id/send': { kind: 'report' },
  'GET /api/reports/:id/html': { kind: 'report' },
  'GET /api/reports/:id/pdf': { kind: 'report' },
  'GET /api/posters/:id': { kind: 'poster' },
  'GET /api/posters/:id/png': { kind: 'poster' },
  'GET /api/posters/:id/pdf': { kind: 'poster' },
  'GET /api/content-posts/:id': { kind: 'post' },
  'PATCH /api/content-posts/:id': { kind: 'post', body: { title: 'taken over', status: 'cancelled' } },
  'GET /api/advocates/patients/:id': { kind: 'patient' },
  'POST /api/advocates/invitations/:id/withdraw': { kind: 'advocateInvitation' },
  'GET /api/stories/:id': { kind: 'story' },
  'GET /api/stories/:id/photo': { kind: 'story' },
  'POST /api/stories/:id/approve': { kind: 'story', body: { note: '' } },
  'POST /api/stories/:id/reject': { kind: 'story', body: { note: '' } },
  'POST /api/stories/:id/withdraw': { kind: 'story' },
  'POST /api/stories/:id/check': { kind: 'story', body: { use: 'website', channel: 'website' } },
  'POST /api/story-consents/:id/revoke': { kind: 'storyConsent' },
  'POST /api/story-uses/:id/taken-down': { kind: 'storyUse' },
  'POST /api/story-requests/:id/disable': { kind: 'storyRequest' },
  'GET /api/story-requests/:id/qr.svg': { kind: 'storyRequest' },
  'GET /api/sharing/links/:id': { kind: 'shareLink' },
  'POST /api/sharing/links/:id/disable': { kind: 'shareLink' },
  'GET /api/sharing/links/:id/qr.png': { kind: 'shareLink' },
  'GET /api/sharing/links/:id/qr.svg': { kind: 'shareLink' },
  'GET /api/referral-programmes/:id': { kind: 'referralProgramme' },
  'PATCH /api/referral-programmes/:id': { kind: 'referralProgramme', body: { name: 'Taken over' } },
  'POST /api/referrals/:id/visited': { kind: 'referral', body: {} },
  'POST /api/referrals/:id/cancel': { kind: 'referral', body: {} },
  'POST /api/rewards/:id/transition': { kind: 'reward', body: { action: 'issue' } },
  'GET /api/patients/:id/referrals': { kind: 'patient' },
  'POST /api/patients/:id/referral-link': { kind: 'patient', body: {} },
  'GET /api/referral-links/:id/qr.png': { kind: 'referralLink' },
  'GET /api/referral-links/:id/qr.svg': { kind: 'referralLink' },
};

let app: TestApp;
let adminA: TestClient;
let orgIdB: string;
const idsB = {} as Record<Kind, string>;

/** Every "METHOD /path" of the server whose path has a parameter (:id or any other), read from Fastify's route tree. */
function idRoutes(): string[] {
  const lines = app.server.printRoutes({ commonPrefix: false }).split('\n');
  const stack: string[] = [];
  const found: string[] = [];
  for (const line of lines) {
    const match = /^([│├└─\s]*)(\S+) \(([A-Z, ]+)\)$/.exec(line);
    if (!match) continue;
    const depth = Math.floor(match[1]!.length / 4);
    stack.length = depth;
    const parent = stack[depth - 1] ?? '';
    const path = depth === 0 ? match[2]! : `${parent}${parent.endsWith('/') || match[2]!.startsWith('/') ? '' : '/'}${match[2]}`;
    stack[depth] = path;
    if (!path.includes('/:')) continue;
    for (const method of match[3]!.split(', ')) if (method !== 'HEAD') found.push(`${method} ${path}`);
  }
  return found.sort();
}

async function snapshotB() {
  const db = app.ctx.db;
  return {
    locations: await db.selectFrom('locations').selectAll().where('id', '=', idsB.location).execute(),
    departments: await db.selectFrom('departments').selectAll().where('id', '=', idsB.department).execute(),
    staff: await db.selectFrom('staff').selectAll().where('id', '=', idsB.staff).execute(),
    users: await db.selectFrom('users').selectAll().where('id', '=', idsB.user).execute(),
    sources: await db.selectFrom('sources').selectAll().where('id', '=', idsB.source).execute(),
    mentions: await db.selectFrom('mentions').select(['id', 'status', 'text', 'version']).where('id', '=', idsB.mention).execute(),
    importRuns: await db.selectFrom('import_runs').selectAll().where('id', '=', idsB.importRun).execute(),
    alertChannels: await db.selectFrom('alert_channels').selectAll().where('id', '=', idsB.alertChannel).execute(),
    alertRules: await db.selectFrom('alert_rules').selectAll().where('id', '=', idsB.alertRule).execute(),
    alerts: await db.selectFrom('alerts').selectAll().where('id', '=', idsB.alert).execute(),
    notifications: await db.selectFrom('notification_recipients').selectAll().where('id', '=', idsB.notification).execute(),
    deliveries: await db.selectFrom('notification_deliveries').selectAll().where('id', '=', idsB.delivery).execute(),
    teams: await db.selectFrom('teams').selectAll().where('id', '=', idsB.team).execute(),
    teamMembers: await db.selectFrom('team_members').selectAll().where('team_id', '=', idsB.team).execute(),
    cases: await db.selectFrom('cases').selectAll().where('id', '=', idsB.case).execute(),
    caseEvents: await db.selectFrom('case_events').select(['id', 'type']).where('case_id', '=', idsB.case).execute(),
    caseActions: await db.selectFrom('case_actions').selectAll().where('case_id', '=', idsB.case).execute(),
    replies: await db.selectFrom('replies').selectAll().where('id', '=', idsB.reply).execute(),
    surveys: await db.selectFrom('surveys').selectAll().where('id', '=', idsB.survey).execute(),
    surveyVersions: await db.selectFrom('survey_versions').select(['survey_id', 'version']).where('survey_id', '=', idsB.survey).execute(),
    surveyLinks: await db.selectFrom('survey_links').selectAll().where('survey_id', '=', idsB.survey).execute(),
    patients: await db.selectFrom('patients').selectAll().where('id', '=', idsB.patient).execute(),
    followupPlans: await db.selectFrom('followup_plans').selectAll().where('org_id', '=', orgIdB).execute(),
    followupEnrolments: await db.selectFrom('followup_enrolments').selectAll().where('id', '=', idsB.followupEnrolment).execute(),
    followupTasks: await db.selectFrom('followup_tasks').selectAll().where('enrolment_id', '=', idsB.followupEnrolment).execute(),
    followupQuestions: await db.selectFrom('followup_questions').selectAll().where('id', '=', idsB.followupQuestion).execute(),
    reportSchedules: await db.selectFrom('report_schedules').selectAll().where('org_id', '=', orgIdB).execute(),
    reports: await db.selectFrom('reports').select(['id', 'status', 'error', 'sent_at']).where('org_id', '=', orgIdB).execute(),
    advocateInvitations: await db.selectFrom('advocate_invitations').selectAll().where('org_id', '=', orgIdB).execute(),
    stories: await db.selectFrom('stories').select(['id', 'status', 'reviewed_at']).where('org_id', '=', orgIdB).execute(),
    storyConsents: await db.selectFrom('story_consents').select(['id', 'revoked_at']).where('org_id', '=', orgIdB).execute(),
    storyUses: await db.selectFrom('story_uses').select(['id', 'flagged_at', 'taken_down_at']).where('org_id', '=', orgIdB).execute(),
    storyRequests: await db.selectFrom('story_requests').select(['id', 'disabled_at']).where('org_id', '=', orgIdB).execute(),
    shareLinks: await db.selectFrom('share_links').select(['id', 'disabled_at']).where('org_id', '=', orgIdB).execute(),
    referralProgrammes: await db.selectFrom('referral_programmes').select(['id', 'name', 'status', 'updated_at']).where('org_id', '=', orgIdB).execute(),
    referrals: await db.selectFrom('referrals').select(['id', 'status', 'updated_at']).where('org_id', '=', orgIdB).execute(),
    rewards: await db.selectFrom('rewards').select(['id', 'status', 'updated_at']).where('org_id', '=', orgIdB).execute(),
    rewardLedger: await db.selectFrom('reward_ledger').select('id').where('org_id', '=', orgIdB).execute(),
    posters: await db.selectFrom('posters').select(['id', 'quote']).where('org_id', '=', orgIdB).execute(),
    contentPosts: await db.selectFrom('content_posts').selectAll().where('org_id', '=', orgIdB).execute(),
  };
}

let before: Awaited<ReturnType<typeof snapshotB>>;

beforeAll(async () => {
  // The test's receivers listen on loopback, which only an operator's allow-list opens.
  app = await createTestApp({ config: { outboundAllow: ['127.0.0.1'] } });
  const orgA = await app.createOrg('clinic-a');
  const orgB = await app.createOrg('clinic-b');
  adminA = await app.userClient(orgA, 'admin');
  const adminB = await app.userClient(orgB, 'admin');

  const created = async (res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 201) => {
    const r = await res;
    if (r.statusCode !== status) throw new Error(`setup failed (${r.statusCode}): ${r.body}`);
    return r.json() as Record<string, { id: string }> & { id: string };
  };
  idsB.location = (await created(adminB.post('/api/org/locations', { code: 'north', name: 'North campus' }))).location!.id;
  idsB.department = (await created(adminB.post('/api/org/departments', { code: 'dent', name: 'Dentistry', locationId: idsB.location }))).department!.id;
  idsB.staff = (await created(adminB.post('/api/org/staff', { name: 'Dr. Wang', departmentId: idsB.department }))).staff!.id;
  idsB.user = (await created(adminB.post('/api/users', { email: 'nurse@clinic-b.test', name: 'Nurse', role: 'service', password: 'long enough password' }))).user!.id;
  idsB.source = (await created(adminB.post('/api/sources', { name: 'Partner push', kind: 'push' }))).source!.id;
  idsB.mention = (await created(adminB.post('/api/mentions', { kind: 'offline_complaint', text: 'Waited two hours at reception', departmentId: idsB.department }))).mention!.id;
  const upload = multipartBody({}, { name: 'reviews.csv', content: 'id,text,rating\nb1,Kind dentist,5\n', type: 'text/csv' });
  idsB.importRun = (await created(adminB.request({ method: 'POST', url: '/api/imports', ...upload }), 200)).id;
  idsB.alertChannel = (await created(adminB.post('/api/alert-channels', { name: 'Ops hook', kind: 'webhook', config: { url: 'http://127.0.0.1:9/hook', secret: 'secret-of-b' } }))).channel!.id;
  idsB.alertRule = (await created(adminB.post('/api/alert-rules', { name: 'Negatives', kind: 'mention', mention: { sentimentNegative: true }, channelIds: [idsB.alertChannel] }))).rule!.id;
  idsB.alert = (
    await app.ctx.db
      .insertInto('alerts')
      .values({ org_id: orgB, rule_id: idsB.alertRule, scope_key: '', title: 'B alert', summary: 'B', count: 1, mention_ids: [idsB.mention] })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  // A notification to B's admin on B's channel: an in-app row and a delivery (pending: this app runs no workers).
  await app.ctx.db.transaction().execute((trx) => enqueueNotification(app.ctx.boss, trx, { orgId: orgB, title: 'B note', text: 'B', roles: ['admin'], channelIds: [idsB.alertChannel] }));
  idsB.notification = (await app.ctx.db.selectFrom('notification_recipients').select('id').executeTakeFirstOrThrow()).id;
  idsB.delivery = (await app.ctx.db.selectFrom('notification_deliveries').select('id').where('org_id', '=', orgB).where('channel_id', '=', idsB.alertChannel).executeTakeFirstOrThrow()).id;
  await app.ctx.db.updateTable('notification_deliveries').set({ status: 'dead', last_error: 'test' }).where('id', '=', idsB.delivery).execute();
  idsB.mail = (
    await app.ctx.db
      .insertInto('mail_outbox')
      .values({ org_id: orgB, recipients: ['b@clinic-b.test'], subject: 'B mail', text_body: 'B', html_body: 'B' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.case = (await created(adminB.post('/api/cases', { mentionIds: [idsB.mention], tier: 'malicious' }))).case!.id;
  idsB.caseAction = (
    (await created(
      adminB.post(`/api/cases/${idsB.case}/actions`, { kind: 'corrective', description: 'Second desk', aspect: 'process.waiting', ownerId: idsB.user, dueAt: '2030-01-01' }),
    )) as unknown as { actions: { id: string }[] }
  ).actions[0]!.id;
  idsB.reply = (await created(adminB.post(`/api/cases/${idsB.case}/replies`, { text: 'We are sorry to hear this.', lang: 'en', kind: 'public' }))).reply!.id;
  idsB.team = ((await adminB.get('/api/teams')).json() as { items: { id: string }[] }).items[0]!.id;
  await created(adminB.post(`/api/teams/${idsB.team}/members`, { userId: idsB.user }), 200);
  idsB.survey = (await created(adminB.post('/api/surveys', { template: 'fft', activate: true }))).survey!.id;
  idsB.surveyLink = (await created(adminB.post(`/api/surveys/${idsB.survey}/links`, { scope: 'location', locationId: idsB.location }))).link!.id;
  const visits = multipartBody({}, { name: 'visits.csv', content: 'patient id,name,visit id\nB-MRN,Patient of B,B-VISIT\n', type: 'text/csv' });
  await created(adminB.request({ method: 'POST', url: '/api/visits/import', ...visits }), 200);
  idsB.patient = (await app.ctx.db.selectFrom('patients').select('id').where('org_id', '=', orgB).executeTakeFirstOrThrow()).id;
  orgIdB = orgB;
  idsB.followupPlan = ((await created(adminB.post('/api/followups/plans/defaults', {}), 200)) as unknown as { items: { id: string }[] }).items[0]!.id;
  idsB.followupEnrolment = (await created(adminB.post('/api/followups/enrolments', { planId: idsB.followupPlan, patientId: idsB.patient }))).enrolment!.id;
  idsB.followupTask = (await app.ctx.db.selectFrom('followup_tasks').select('id').where('enrolment_id', '=', idsB.followupEnrolment).executeTakeFirstOrThrow()).id;
  idsB.followupPhoto = (
    await app.ctx.db
      .insertInto('followup_photos')
      .values({ org_id: orgB, enrolment_id: idsB.followupEnrolment, mime: 'image/png', bytes: Buffer.from('png'), size: 3 })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.followupQuestion = (
    await app.ctx.db.insertInto('followup_questions').values({ org_id: orgB, enrolment_id: idsB.followupEnrolment, text: 'B question' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  idsB.reportSchedule = (await created(adminB.post('/api/report-schedules', { cadence: 'weekly', recipients: ['head@clinic-b.test'], locale: 'en' }))).schedule!.id;
  idsB.report = (
    await app.ctx.db
      .insertInto('reports')
      .values({
        org_id: orgB,
        schedule_id: idsB.reportSchedule,
        cadence: 'weekly',
        period_start: '2026-11-23',
        period_end: '2026-11-29',
        locale: 'en',
        recipients: ['head@clinic-b.test'],
        html: '<p>B</p>',
        pdf: Buffer.from('%PDF-B'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.advocateInvitation = (
    await app.ctx.db
      .insertInto('advocate_invitations')
      .values({ org_id: orgB, kind: 'patient', patient_id: idsB.patient, channel: 'in_person', token: 'tenant-b-invitation', expires_at: new Date(Date.now() + 86_400_000) })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.storyRequest = (await app.ctx.db.insertInto('story_requests').values({ org_id: orgB, token: 'tenant-b-story-request', patient_id: idsB.patient }).returning('id').executeTakeFirstOrThrow()).id;
  idsB.story = (
    await app.ctx.db
      .insertInto('stories')
      .values({
        org_id: orgB,
        patient_id: idsB.patient,
        title: 'B story',
        body: 'A story of clinic B.',
        locale: 'en',
        source: 'staff',
        status: 'approved',
        manage_token: 'tenant-b-story-manage-token',
        photo: Buffer.from('png'),
        photo_mime: 'image/png',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.storyConsent = (
    await app.ctx.db
      .insertInto('story_consents')
      .values({ org_id: orgB, story_id: idsB.story, use: 'website', channels: ['website'], valid_from: '2026-01-01', granted_via: 'paper', consent_text: 'B consent', consent_locale: 'en' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.storyUse = (
    await app.ctx.db
      .insertInto('story_uses')
      .values({ org_id: orgB, story_id: idsB.story, kind: 'website', use: 'website', channel: 'website', flagged_at: new Date(), flag_reason: 'consent_revoked' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.poster = (
    await app.ctx.db
      .insertInto('posters')
      .values({ org_id: orgB, story_id: idsB.story, quote: 'B quote', locale: 'en', use: 'website', channel: 'website', png: Buffer.from('png'), pdf: Buffer.from('pdf') })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.post = (await created(adminB.post('/api/content-posts', { title: 'B post', channel: 'website', use: 'website', status: 'draft', storyIds: [idsB.story] }))).post!.id;
  idsB.shareLink = (
    await app.ctx.db.insertInto('share_links').values({ org_id: orgB, code: 'BBBBBBBB', target_kind: 'article', target_url: 'https://b.example.com/' }).returning('id').executeTakeFirstOrThrow()
  ).id;
  idsB.referralProgramme = (
    await app.ctx.db
      .insertInto('referral_programmes')
      .values({
        org_id: orgB,
        name: 'B programme',
        status: 'active',
        referrer_reward: JSON.stringify({ kind: 'points', amount: 100 }),
        referee_reward: JSON.stringify({ kind: 'gift', amount: 1 }),
        eligibility: '{}',
        market_rules: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  idsB.referralLink = (
    await app.ctx.db
      .insertInto('share_links')
      .values({ org_id: orgB, code: 'RRRRRRRR', target_kind: 'referral', target_id: idsB.referralProgramme, owner_patient_id: idsB.patient })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  {
    const referee = (await app.ctx.db.insertInto('patients').values({ org_id: orgB, name: 'B referee', phone: null }).returning('id').executeTakeFirstOrThrow()).id;
    idsB.referral = (
      await app.ctx.db
        .insertInto('referrals')
        .values({ org_id: orgB, programme_id: idsB.referralProgramme, link_id: idsB.referralLink, referrer_patient_id: idsB.patient, referee_patient_id: referee, via: 'staff' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    idsB.reward = (
      await app.ctx.db
        .insertInto('rewards')
        .values({ org_id: orgB, programme_id: idsB.referralProgramme, referral_id: idsB.referral, patient_id: referee, role: 'referee', kind: 'gift', amount: 1, status: 'earned' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  before = await snapshotB();
});
afterAll(async () => {
  await app?.close();
});

test('covers every route of the server with an id parameter in the matrix', () => {
  // Patient pages outside /api (/s/:token, /o/:token…) take a secret token, not an organisation's id.
  const routes = idRoutes().filter((r) => r.includes(' /api/') && !r.includes(' /api/v1/'));
  expect(routes.length).toBeGreaterThan(0);
  expect(routes).toEqual(Object.keys(MATRIX).sort());
});

test.each(Object.entries(MATRIX))('answers 404 to %s with an id of another organisation', async (route, { kind, body }) => {
  const [method, path] = route.split(' ') as [string, string];
  const res = await adminA.request({
    method: method as 'GET',
    url: path.replace(':id', idsB[kind]).replace(':actionId', idsB.caseAction).replace(':mentionId', idsB.mention).replace(':userId', idsB.user).replace(':correctionId', NO_ID),
    ...(body !== undefined ? { payload: body as object } : {}),
  });
  expect(res.statusCode).toBe(404);
  expect(res.json()).toMatchObject({ error: { code: 'not_found', message: expect.any(String) } });
});

test('leaves every object of the other organisation unchanged', async () => {
  for (const [route, { kind, body }] of Object.entries(MATRIX)) {
    const [method, path] = route.split(' ') as [string, string];
    await adminA.request({
      method: method as 'GET',
      url: path.replace(':id', idsB[kind]).replace(':actionId', idsB.caseAction).replace(':mentionId', idsB.mention).replace(':userId', idsB.user).replace(':correctionId', NO_ID),
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  }
  const after = await snapshotB();
  expect(after).toEqual(before);
  expect(after.locations).toHaveLength(1);
  expect(after.mentions).toHaveLength(1);
});

test('lists none of the other organisation’s ids', async () => {
  const bIds = Object.values(idsB);
  const lists = [
    '/api/mentions',
    '/api/cases',
    '/api/my-work',
    '/api/sources',
    '/api/imports',
    '/api/users',
    '/api/org',
    '/api/audit',
    '/api/alert-channels',
    '/api/alert-rules',
    '/api/alerts',
    '/api/notifications',
    '/api/deliveries',
    '/api/mail-outbox',
    '/api/surveys',
    '/api/followups/plans',
    '/api/followups/enrolments',
    '/api/followups/tasks',
    '/api/advocates',
    '/api/advocates/invitations',
    '/api/stories',
    '/api/story-requests',
    '/api/sharing/links',
    '/api/sharing/propagation',
    '/api/referral-programmes',
    '/api/referrals',
    '/api/rewards',
    '/api/reward-ledger',
    '/api/posters',
    '/api/content-posts',
    '/api/content/stories',
  ];
  for (const url of lists) {
    const res = await adminA.get(url);
    expect(res.statusCode, url).toBe(200);
    for (const id of bIds) expect(res.body, `${url} leaks ${id}`).not.toContain(id);
  }
});

test('ignores another organisation’s ids used as mention filters', async () => {
  for (const [filter, kind] of [
    ['source', 'source'],
    ['location', 'location'],
    ['department', 'department'],
    ['staff', 'staff'],
  ] as const) {
    const res = await adminA.get(`/api/mentions?${filter}=${idsB[kind]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  }
});

test('refuses another organisation’s ids as references in its own writes', async () => {
  const ownDepartment = (await adminA.post('/api/org/departments', { code: 'own', name: 'Own' })).json().department.id;
  const ownStaff = (await adminA.post('/api/org/staff', { name: 'Own staff' })).json().staff.id;
  const ownUser = (await adminA.post('/api/users', { email: 'own@clinic-a.test', name: 'Own', role: 'staff', password: 'long enough password' })).json().user.id;
  const refs: [string, string, unknown][] = [
    ['PATCH', `/api/org/departments/${ownDepartment}`, { locationId: idsB.location }],
    ['PATCH', `/api/org/staff/${ownStaff}`, { departmentId: idsB.department }],
    ['PATCH', `/api/users/${ownUser}`, { departmentIds: [idsB.department] }],
    ['POST', '/api/mentions', { text: 'Hello', departmentId: idsB.department }],
    ['POST', '/api/org/departments', { code: 'x', name: 'X', locationId: idsB.location }],
    ['POST', '/api/org/staff', { name: 'X', departmentId: idsB.department }],
    ['POST', '/api/users', { email: 'x@clinic-a.test', name: 'X', role: 'department_head', password: 'long enough password', departmentIds: [idsB.department] }],
    ['POST', '/api/mentions', { text: 'Hello', sourceId: idsB.source }],
    ['POST', '/api/mentions', { text: 'Hello', locationId: idsB.location }],
    ['POST', '/api/alert-rules', { name: 'X', kind: 'mention', mention: { sentimentNegative: true }, scope: { locationIds: [idsB.location] } }],
    ['POST', '/api/alert-rules', { name: 'X', kind: 'mention', mention: { staffIds: [idsB.staff] } }],
    ['POST', '/api/alert-rules', { name: 'X', kind: 'mention', mention: { anyRisk: true }, channelIds: [idsB.alertChannel] }],
    ['POST', '/api/alert-channels', { name: 'X', kind: 'in_app', config: { userIds: [idsB.user] } }],
    ['POST', '/api/content-posts', { title: 'X', channel: 'website', use: 'website', storyIds: [idsB.story] }],
    ['POST', '/api/content-posts', { title: 'X', channel: 'website', use: 'website', ownerUserId: idsB.user }],
  ];
  for (const [method, url, payload] of refs) {
    const res = await adminA.request({ method: method as 'POST', url, payload: payload as object });
    expect(res.statusCode, `${method} ${url}`).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  }
  const upload = multipartBody({ sourceId: idsB.source }, { name: 'r.csv', content: 'text\nHello\n', type: 'text/csv' });
  const res = await adminA.request({ method: 'POST', url: '/api/imports', ...upload });
  expect(res.statusCode).toBe(404);
  expect(res.json().error.code).toBe('not_found');
});
