import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { AppError, notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { createReferralLink } from '../referrals/index.ts';
import { findLinkByCode, recordConversion } from '../sharing/index.ts';
import { advocatesMessages as m } from './advocates.messages.ts';
import { ADVOCATE_CONSENT_VERSION, type AdvocateInviteStatus } from './advocates.vocab.ts';
import { activeProgramme } from './invite-advocate.ts';

/** Invitations per page of the list. */
export const INVITATIONS_PAGE_SIZE = 50;

/** The status as it is now: an open invitation past its date is expired. */
const EFFECTIVE = sql<AdvocateInviteStatus>`CASE WHEN i.status = 'invited' AND i.expires_at <= now() THEN 'expired' ELSE i.status END`;

/** One page of the organisation's invitations, newest first, optionally of one status. */
export async function listInvitations(db: Db, orgId: string, input: { status?: AdvocateInviteStatus; page: number }) {
  let q = db
    .selectFrom('advocate_invitations as i')
    .leftJoin('patients as p', (j) => j.onRef('p.id', '=', 'i.patient_id').on('p.org_id', '=', orgId))
    .where('i.org_id', '=', orgId);
  if (input.status) q = q.where(sql<boolean>`${EFFECTIVE} = ${input.status}`);
  const total = Number((await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  const items = await q
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .leftJoin('share_links as l', (j) => j.onRef('l.id', '=', 'i.link_id').on('l.org_id', '=', orgId))
    .select([
      'i.id',
      'i.kind',
      'i.patient_id as patientId',
      'i.author_handle as authorKey',
      'p.name as patientName',
      EFFECTIVE.as('status'),
      'i.channel',
      'i.locale',
      'i.note',
      'i.consent_version as consentVersion',
      'i.invited_at as invitedAt',
      'i.expires_at as expiresAt',
      'i.responded_at as respondedAt',
      'u.name as invitedBy',
      'l.code as referralCode',
    ])
    .orderBy('i.invited_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(INVITATIONS_PAGE_SIZE)
    .offset((input.page - 1) * INVITATIONS_PAGE_SIZE)
    .execute();
  return { items, total, page: input.page, pageSize: INVITATIONS_PAGE_SIZE };
}

/** Staff withdraw an open or accepted invitation; 409 for one already closed. */
export async function withdrawInvitation(db: Db, by: AuditBy, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('advocate_invitations as i')
      .select(['i.id', EFFECTIVE.as('status')])
      .where('i.org_id', '=', by.orgId)
      .where('i.id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('advocate invitation');
    if (row.status !== 'invited' && row.status !== 'accepted') throw new AppError('conflict', m.text('error.notWithdrawable', { status: row.status }));
    await trx.updateTable('advocate_invitations').set({ status: 'withdrawn', responded_at: new Date() }).where('id', '=', id).where('org_id', '=', by.orgId).execute();
    await recordAudit(trx, { ...by, action: 'advocate.withdraw', targetType: 'advocate_invitation', targetId: id, details: { by: 'staff', previous: row.status } });
  });
}

/** The invitation behind a join link (any organisation: the public page), with what its page shows. */
export async function findInvitationByToken(db: Db, token: string) {
  const row = await db
    .selectFrom('advocate_invitations as i')
    .innerJoin('organisations as o', 'o.id', 'i.org_id')
    .leftJoin('share_links as l', (j) => j.onRef('l.id', '=', 'i.link_id').onRef('l.org_id', '=', 'i.org_id'))
    .select([
      'i.id',
      'i.org_id as orgId',
      'i.kind',
      'i.patient_id as patientId',
      EFFECTIVE.as('status'),
      'i.locale',
      'i.expires_at as expiresAt',
      'o.name as orgName',
      'o.default_locale as orgLocale',
      'l.code as referralCode',
    ])
    .where('i.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const programme = row.status === 'invited' ? await activeProgramme(db, row.orgId) : null;
  return { ...row, programme };
}

export type JoinAnswer = 'accept' | 'decline' | 'leave';

/**
 * The person's answer on the join page. Accepting or declining stores the consent words they were
 * shown and their version; accepting makes their referral link when a programme is active (a
 * patient), and records a `joined` conversion on the link they arrived by, if any. Leaving
 * withdraws an accepted invitation. Returns false when the invitation is not in a state for that
 * answer (already answered, expired, withdrawn).
 */
export async function answerInvitation(db: Db, input: { token: string; answer: JoinAnswer; locale: Locale; orgName: string; arrivedBy?: string | null; ip?: string | null }): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inv = await trx.selectFrom('advocate_invitations').select(['id', 'org_id', 'kind', 'patient_id', 'status', 'expires_at']).where('token', '=', input.token).forUpdate().executeTakeFirst();
    if (!inv) return false;
    const now = new Date();
    if (input.answer === 'leave') {
      if (inv.status !== 'accepted') return false;
      await trx.updateTable('advocate_invitations').set({ status: 'withdrawn', responded_at: now }).where('id', '=', inv.id).execute();
      await recordAudit(trx, {
        orgId: inv.org_id,
        userId: null,
        actor: 'patient',
        ip: input.ip ?? null,
        action: 'advocate.withdraw',
        targetType: 'advocate_invitation',
        targetId: inv.id,
        details: { by: 'person' },
      });
      return true;
    }
    if (inv.status !== 'invited' || inv.expires_at <= now) return false;
    const consent = { consent_text: m.render(input.locale, `consent.${ADVOCATE_CONSENT_VERSION}`, { org: input.orgName }), consent_version: ADVOCATE_CONSENT_VERSION };
    if (input.answer === 'decline') {
      await trx
        .updateTable('advocate_invitations')
        .set({ status: 'declined', responded_at: now, ...consent })
        .where('id', '=', inv.id)
        .execute();
      return true;
    }
    let linkId: string | null = null;
    const programme = inv.patient_id ? await activeProgramme(trx, inv.org_id, now) : null;
    if (programme && inv.patient_id) linkId = (await createReferralLink(trx, { orgId: inv.org_id, programmeId: programme.id, patientId: inv.patient_id })).id;
    await trx
      .updateTable('advocate_invitations')
      .set({ status: 'accepted', responded_at: now, link_id: linkId, programme_id: programme?.id ?? null, ...consent })
      .where('id', '=', inv.id)
      .execute();
    const arrival = input.arrivedBy ? await findLinkByCode(trx, input.arrivedBy) : null;
    if (arrival && arrival.orgId === inv.org_id && arrival.id !== linkId) {
      await recordConversion(trx, { orgId: inv.org_id, linkId: arrival.id, patientId: inv.patient_id, kind: 'joined', refId: inv.id, at: now });
    }
    return true;
  });
}
