import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import { storiesMessages as m } from './stories.messages.ts';

const newToken = () => randomBytes(18).toString('base64url');

/** A link asking for a story: for one patient (their story is linked to them) or general (a QR at the desk). */
export async function createStoryRequest(
  db: Db,
  input: { orgId: string; patientId: string | null; label: string; locale: Locale | null; userId: string | null },
): Promise<{ id: string; token: string }> {
  if (input.patientId && !(await db.selectFrom('patients').select('id').where('org_id', '=', input.orgId).where('id', '=', input.patientId).executeTakeFirst()))
    throw badRequest(m.text('invalid.patient'), { field: 'patientId' });
  const token = newToken();
  const row = await db
    .insertInto('story_requests')
    .values({ org_id: input.orgId, token, patient_id: input.patientId, label: input.label.trim().slice(0, 200), locale: input.locale, created_by: input.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

/** The patient's own request link (made once, then reused): what the follow-up portal's "Share your story" opens. */
export async function storyRequestForPatient(db: Db, orgId: string, patientId: string): Promise<string> {
  const existing = await db
    .selectFrom('story_requests')
    .select('token')
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('disabled_at', 'is', null)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (existing) return existing.token;
  return (await createStoryRequest(db, { orgId, patientId, label: '', locale: null, userId: null })).token;
}

export async function listStoryRequests(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('story_requests as r')
    .leftJoin('patients as p', 'p.id', 'r.patient_id')
    .select(['r.id', 'r.token', 'r.label', 'r.locale', 'r.created_at', 'r.disabled_at', 'r.patient_id', 'p.name as patient_name'])
    .select((eb) =>
      eb
        .selectFrom('stories as s')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('s.request_id', '=', 'r.id')
        .as('stories'),
    )
    .where('r.org_id', '=', orgId)
    .orderBy('r.created_at', 'desc')
    .limit(300)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    token: r.token,
    label: r.label,
    locale: r.locale,
    createdAt: r.created_at.toISOString(),
    disabledAt: r.disabled_at?.toISOString() ?? null,
    patientId: r.patient_id,
    patientName: r.patient_name,
    stories: Number(r.stories ?? 0),
  }));
}

export async function getStoryRequest(db: Db, orgId: string, id: string) {
  const row = await db.selectFrom('story_requests').select(['id', 'token', 'disabled_at']).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('story');
  return row;
}

export async function disableStoryRequest(db: Db, orgId: string, id: string): Promise<void> {
  await getStoryRequest(db, orgId, id);
  await db
    .updateTable('story_requests')
    .set({ disabled_at: sql`now()` })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .execute();
}

/** The request of a public link with its organisation, or null when unknown or disabled. */
export async function findRequestByToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(token)) return null;
  const row = await db
    .selectFrom('story_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .leftJoin('patients as p', 'p.id', 'r.patient_id')
    .select(['r.id', 'r.org_id', 'r.patient_id', 'r.locale', 'r.disabled_at', 'o.name as org_name', 'o.default_locale', 'p.locale as patient_locale', 'p.name as patient_name'])
    .where('r.token', '=', token)
    .executeTakeFirst();
  return row ?? null;
}

/** The story form link of a follow-up enrolment's patient (the portal's "Share your story"); null for an unknown enrolment. */
export async function storyRequestForEnrolment(db: Db, orgId: string, enrolmentId: string): Promise<string | null> {
  const e = await db.selectFrom('followup_enrolments').select('patient_id').where('org_id', '=', orgId).where('id', '=', enrolmentId).executeTakeFirst();
  return e ? storyRequestForPatient(db, orgId, e.patient_id) : null;
}
