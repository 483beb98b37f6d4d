import { randomBytes } from 'node:crypto';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { publicBaseUrl, type Config } from '../core/config.ts';
import { AppError, badRequest, fromDatabaseError, notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import { escapeHtml } from '../core/public-page.ts';
import { smtpTransport } from '../core/smtp.ts';
import type { Db } from '../db/database.ts';
import { keepInOutbox } from '../notifications/index.ts';
import { contactBlock, createOptOutLink, getOutreachSettings, smsProviderFor } from '../outreach/index.ts';
import { advocatesMessages as m } from './advocates.messages.ts';
import { INVITE_LINK_DAYS, type AdvocateInviteChannel, type AdvocateKind } from './advocates.vocab.ts';
import { authorEvidence } from './koc-evidence.ts';
import { parseAuthorKey } from './koc-list.ts';

export interface InviteInput {
  kind: AdvocateKind;
  patientId?: string | null;
  /** `<platform>:<handle>` of a public author. */
  authorKey?: string | null;
  channel: AdvocateInviteChannel;
  note?: string;
  /** The page's and message's language; default the patient's, else the organisation's. */
  locale?: Locale | null;
}

const DAY = 86_400_000;

/** The organisation's referral programme open today (the newest active one), or null. */
export async function activeProgramme(db: Db, orgId: string, at: Date = new Date()) {
  const day = at.toISOString().slice(0, 10);
  return (
    (await db
      .selectFrom('referral_programmes')
      .select(['id', 'name', 'description', 'referrer_reward', 'referee_reward'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'active')
      .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', day)]))
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]))
      .orderBy('created_at', 'desc')
      .executeTakeFirst()) ?? null
  );
}

/** The invitation message: what the programme is and the join link, never a request for a review; with the opt-out link every message carries. */
export function renderAdvocateInvitation(locale: Locale, input: { orgName: string; url: string; optOutUrl: string }) {
  const org = input.orgName;
  const subject = m.render(locale, 'invite.subject', { org });
  const text = `${m.render(locale, 'invite.body', { org, url: input.url })}\n${m.render(locale, 'invite.optOut', { url: input.optOutUrl })}`;
  const link = (url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const body = escapeHtml(m.render(locale, 'invite.body', { org, url: '\u0000' })).replace('\u0000', link(input.url));
  const optOut = escapeHtml(m.render(locale, 'invite.optOut', { url: '\u0000' })).replace('\u0000', link(input.optOutUrl));
  const html = `<!doctype html><html lang="${locale}"><body><p>${body}</p><p style="color:#555;font-size:13px">${optOut}</p></body></html>`;
  return { subject, text, html };
}

/**
 * Invites a patient (e-mail, SMS or in person) or a public author (in person only) to the
 * programme. A message by e-mail or SMS obeys outreach's contact rules (opt-out, "do not contact
 * until", quiet hours) and goes through the same outbox and SMS provider as survey invitations;
 * it is recorded only when it went out. Returns the invitation's id and its join URL (for a
 * printed or shown link when in person).
 */
export async function inviteAdvocate(db: Db, config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl' | 'port'>, by: AuditBy, input: InviteInput): Promise<{ id: string; url: string }> {
  const orgId = by.orgId;
  const org = await db.selectFrom('organisations').select(['name', 'default_locale']).where('id', '=', orgId).executeTakeFirstOrThrow();
  let patient: { id: string; email: string | null; phone: string | null; locale: Locale | null } | null = null;
  let authorHandle: string | null = null;
  if (input.kind === 'patient') {
    if (!input.patientId) throw badRequest(m.text('error.needPatient'));
    patient = (await db.selectFrom('patients').select(['id', 'email', 'phone', 'locale']).where('org_id', '=', orgId).where('id', '=', input.patientId).executeTakeFirst()) ?? null;
    if (!patient) throw notFound('patient');
  } else {
    if (!input.authorKey) throw badRequest(m.text('error.needAuthor'));
    const author = parseAuthorKey(input.authorKey);
    if (!author) throw badRequest(m.text('error.badAuthorKey', { key: input.authorKey }));
    if (input.channel !== 'in_person') throw badRequest(m.text('error.authorInPerson'));
    // Only someone who is on the list (a positive public mention in our own sources) is invited.
    await authorEvidence(db, orgId, author, { from: '1900-01-01', to: '2999-12-31' }).catch(() => {
      throw badRequest(m.text('error.noSignal'));
    });
    authorHandle = input.authorKey;
  }
  const now = new Date();
  const open = await db
    .selectFrom('advocate_invitations')
    .select('id')
    .where('org_id', '=', orgId)
    .where('status', 'in', ['invited', 'accepted'])
    .where((eb) => (patient ? eb('patient_id', '=', patient.id) : eb('author_handle', '=', authorHandle)))
    .where((eb) => eb.or([eb('status', '=', 'accepted'), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  if (open) throw new AppError('conflict', m.text('error.alreadyInvited'));
  if (patient && input.channel !== 'in_person') {
    const block = await contactBlock(db, orgId, patient.id, now);
    if (block?.reason === 'opted_out') throw badRequest(m.text('error.optedOut'));
    if (block?.reason === 'patient_hold') throw badRequest(m.text('error.onHold', { until: block.until.toISOString().slice(0, 10) }));
    if (block?.reason === 'excluded') throw badRequest(m.text('error.excluded', { until: block.until.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' }));
    if (input.channel === 'email' && !patient.email) throw badRequest(m.text('error.noEmail'));
    if (input.channel === 'sms' && !patient.phone) throw badRequest(m.text('error.noPhone'));
  }
  const locale: Locale = input.locale ?? patient?.locale ?? org.default_locale;
  const programme = await activeProgramme(db, orgId, now);
  const token = randomBytes(18).toString('base64url');
  const url = `${publicBaseUrl(config)}/join/${token}`;
  return db.transaction().execute(async (trx) => {
    // An open invitation past its date frees the patient's slot in the unique index.
    if (patient) {
      await trx
        .updateTable('advocate_invitations')
        .set({ status: 'expired' })
        .where('org_id', '=', orgId)
        .where('patient_id', '=', patient.id)
        .where('status', '=', 'invited')
        .where('expires_at', '<=', now)
        .execute();
    }
    const row = await trx
      .insertInto('advocate_invitations')
      .values({
        org_id: orgId,
        kind: input.kind,
        patient_id: patient?.id ?? null,
        author_handle: authorHandle,
        programme_id: programme?.id ?? null,
        channel: input.channel,
        token,
        locale,
        note: (input.note ?? '').slice(0, 2000),
        invited_by: by.userId,
        invited_at: now,
        expires_at: new Date(now.getTime() + INVITE_LINK_DAYS * DAY),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        const translated = fromDatabaseError(error);
        throw translated?.code === 'conflict' ? new AppError('conflict', m.text('error.alreadyInvited')) : (translated ?? error);
      });
    if (patient && input.channel !== 'in_person') {
      const optOutUrl = await createOptOutLink(trx, config, { orgId, patientId: patient.id, invitationId: null });
      const message = renderAdvocateInvitation(locale, { orgName: org.name, url, optOutUrl });
      if (input.channel === 'email') {
        const email = { to: [patient.email!], subject: message.subject, text: message.text, html: message.html };
        if (!config.smtpUrl) await keepInOutbox(trx, orgId, null, email);
        else await smtpTransport(config.smtpUrl).sendMail({ from: config.mailFrom, ...email });
      } else {
        const settings = await getOutreachSettings(trx, orgId);
        await smsProviderFor(settings.smsProvider, settings.smsConfig, { db: trx, orgId, invitationId: null }).send(patient.phone!, message.text, { org: org.name, url, optout: optOutUrl });
      }
    }
    await recordAudit(trx, {
      ...by,
      action: 'advocate.invite',
      targetType: 'advocate_invitation',
      targetId: row.id,
      details: { kind: input.kind, channel: input.channel, patientId: patient?.id ?? null, author: authorHandle, programmeId: programme?.id ?? null },
    });
    return { id: row.id, url };
  });
}
