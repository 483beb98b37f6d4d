import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../core/i18n.ts';
import { publicLocale } from '../../core/public-page.ts';
import type { Db } from '../../db/database.ts';
import { checkPortalToken } from '../portal-token.ts';
import type { PortalView } from './portal-pages.ts';

export type PortalLoad =
  { ok: true; enrolmentId: string; orgId: string; status: string; view: PortalView } | { ok: false; status: 403 | 410; reason: 'tampered' | 'expired'; locale: Locale; orgName: string | null };

/** Checks the token and loads what the portal shows, in the patient's language. */
export async function loadPortal(db: Db, request: FastifyRequest, token: string): Promise<PortalLoad> {
  const check = await checkPortalToken(db, token);
  if (!check.ok) {
    const org = check.orgId ? await db.selectFrom('organisations').select(['name', 'default_locale']).where('id', '=', check.orgId).executeTakeFirst() : undefined;
    return { ok: false, status: check.reason === 'expired' ? 410 : 403, reason: check.reason, locale: publicLocale(request, null, org?.default_locale ?? 'en'), orgName: org?.name ?? null };
  }
  const e = await db
    .selectFrom('followup_enrolments as e')
    .innerJoin('followup_plans as p', 'p.id', 'e.plan_id')
    .innerJoin('followup_plan_versions as v', (j) => j.onRef('v.plan_id', '=', 'e.plan_id').onRef('v.version', '=', 'e.plan_version'))
    .innerJoin('organisations as o', 'o.id', 'e.org_id')
    .innerJoin('patients as pt', 'pt.id', 'e.patient_id')
    .select(['e.id', 'e.org_id', 'e.status', 'e.portal_expires_at', 'p.name as plan_name', 'v.definition', 'o.name as org_name', 'o.timezone', 'o.default_locale', 'pt.locale'])
    .where('e.id', '=', check.enrolmentId)
    .where('e.org_id', '=', check.orgId)
    .executeTakeFirstOrThrow();
  const [upcoming, photos, questions] = await Promise.all([
    db.selectFrom('followup_checkins').select('due_at').where('enrolment_id', '=', e.id).where('status', '=', 'scheduled').orderBy('due_at').limit(5).execute(),
    db
      .selectFrom('followup_photos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('enrolment_id', '=', e.id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('followup_questions').select(['text', 'answer']).where('enrolment_id', '=', e.id).orderBy('asked_at').execute(),
  ]);
  return {
    ok: true,
    enrolmentId: e.id,
    orgId: e.org_id,
    status: e.status,
    view: {
      locale: publicLocale(request, e.locale, e.default_locale),
      orgName: e.org_name,
      timezone: e.timezone,
      planName: e.plan_name,
      definition: e.definition,
      base: `/p/${token}`,
      expiresAt: e.portal_expires_at,
      upcoming: upcoming.map((c) => ({ dueAt: c.due_at })),
      photoCount: Number(photos.n),
      questions,
    },
  };
}
