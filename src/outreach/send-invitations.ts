import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import { AppError } from '../core/errors.ts';
import { renderText, type Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { createSurveyLink, getSurveySettings, surveyUrl } from '../surveys/index.ts';
import { contactBlock } from './contact-rules.ts';
import { deliverInvitation } from './deliver-invitation.ts';
import { createOptOutLink, renderInvitation } from './invitation-message.ts';
import { getOutreachSettings, type OutreachSettings } from './outreach-settings.ts';
import { MAX_SEND_ATTEMPTS, retryDelayMinutes, type SkipReason } from './outreach.vocab.ts';
import { askedWithin, chooseChannel } from './schedule-invitations.ts';
import { SmsError } from './sms/index.ts';

/*
 * Sending: each due invitation is locked (FOR UPDATE SKIP LOCKED, so two workers never send one
 * twice), the contact rules are asked again at this moment (opt-out, "do not contact until",
 * exclusion windows, once in N days, the CAHPS order), and it is sent, skipped with its reason,
 * postponed, or retried with backoff until it fails for good.
 */

const HOUR = 3_600_000;
const BATCH = 100;

export interface SendSummary {
  sent: number;
  skipped: number;
  postponed: number;
  retried: number;
  failed: number;
}

type Outcome = keyof SendSummary;

/** Sends every invitation due at `now`; returns what happened to them. */
export async function sendDueInvitations(ctx: Pick<AppContext, 'db' | 'config'>, now: Date = new Date()): Promise<SendSummary> {
  const summary: SendSummary = { sent: 0, skipped: 0, postponed: 0, retried: 0, failed: 0 };
  const settingsByOrg = new Map<string, OutreachSettings>();
  const seen = new Set<string>();
  for (;;) {
    const due = await ctx.db
      .selectFrom('survey_invitations')
      .select(['id', 'org_id'])
      .where('status', '=', 'scheduled')
      .where('scheduled_for', '<=', now)
      .orderBy('scheduled_for')
      .orderBy('created_at')
      .limit(BATCH)
      .execute();
    const fresh = due.filter((d) => !seen.has(d.id));
    if (fresh.length === 0) break;
    for (const { id, org_id: orgId } of fresh) {
      seen.add(id);
      let settings = settingsByOrg.get(orgId);
      if (!settings) settingsByOrg.set(orgId, (settings = await getOutreachSettings(ctx.db, orgId)));
      const outcome = await ctx.db.transaction().execute((trx) => sendOne(trx, ctx.config, settings, id, now));
      if (outcome) summary[outcome]++;
    }
  }
  return summary;
}

async function skip(trx: Db, id: string, reason: SkipReason): Promise<Outcome> {
  await trx.updateTable('survey_invitations').set({ status: 'skipped', skip_reason: reason }).where('id', '=', id).execute();
  return 'skipped';
}

async function postpone(trx: Db, id: string, until: Date): Promise<Outcome> {
  await trx.updateTable('survey_invitations').set({ scheduled_for: until }).where('id', '=', id).execute();
  return 'postponed';
}

async function sendOne(trx: Db, config: AppContext['config'], settings: OutreachSettings, id: string, now: Date): Promise<Outcome | null> {
  const inv = await trx
    .selectFrom('survey_invitations as i')
    .innerJoin('patients as p', 'p.id', 'i.patient_id')
    .select(['i.id', 'i.org_id', 'i.patient_id', 'i.visit_id', 'i.survey_id', 'i.kind', 'i.attempts', 'p.phone', 'p.email', 'p.locale'])
    .where('i.id', '=', id)
    .where('i.status', '=', 'scheduled')
    .where('i.scheduled_for', '<=', now)
    .forUpdate('i')
    .skipLocked()
    .executeTakeFirst();
  if (!inv) return null;
  const orgId = inv.org_id;
  if (!settings.enabled) return skip(trx, id, 'outreach_off');
  const block = await contactBlock(trx, orgId, inv.patient_id, now);
  if (block?.reason === 'opted_out') return skip(trx, id, 'opted_out');
  if (block?.reason === 'patient_hold') return skip(trx, id, 'patient_hold');
  if (block?.reason === 'excluded') return postpone(trx, id, block.until);
  if (inv.kind === 'survey' && (await askedWithin(trx, orgId, inv.patient_id, now, settings.contactWindowDays, id, ['sent']))) return skip(trx, id, 'contact_window');
  if (inv.kind === 'review_request' && settings.cahpsRule) {
    // The official survey of the same visit goes first, and not in the same hour.
    const survey = await trx
      .selectFrom('survey_invitations')
      .select(['status', 'sent_at', 'scheduled_for'])
      .where('org_id', '=', orgId)
      .where('visit_id', '=', inv.visit_id)
      .where('kind', '=', 'survey')
      .orderBy('created_at')
      .executeTakeFirst();
    if (!survey || survey.status === 'skipped' || survey.status === 'failed') return skip(trx, id, 'cahps_order');
    if (survey.status === 'scheduled') return postpone(trx, id, new Date(Math.max(survey.scheduled_for.getTime(), now.getTime()) + HOUR));
    if (survey.sent_at && survey.sent_at.getTime() > now.getTime() - HOUR) return postpone(trx, id, new Date(survey.sent_at.getTime() + HOUR));
  }
  const channel = chooseChannel(settings.channelPreference, inv);
  if (!channel) return skip(trx, id, 'no_contact');
  const locale: Locale = inv.locale ?? settings.defaultLocale;
  let url = '';
  let linkId: string | null = null;
  let reviewLinks: { label: string; url: string }[] = [];
  if (inv.kind === 'survey') {
    if (!inv.survey_id || !inv.visit_id) return skip(trx, id, 'no_survey');
    try {
      const link = await createSurveyLink(trx, { orgId, surveyId: inv.survey_id, scope: 'visit', visitId: inv.visit_id, locale: inv.locale ?? undefined, label: 'invitation' });
      linkId = link.id;
      url = surveyUrl(config, link.token);
    } catch (error) {
      // An archived or deleted survey: nothing to invite to.
      if (error instanceof AppError) return skip(trx, id, 'no_survey');
      throw error;
    }
  } else {
    reviewLinks = (await getSurveySettings(trx, orgId)).reviewLinks;
    if (reviewLinks.length === 0) return skip(trx, id, 'no_review_links');
  }
  const optOutUrl = await createOptOutLink(trx, config, { orgId, patientId: inv.patient_id, invitationId: id });
  const message = renderInvitation(locale, { kind: inv.kind, orgName: settings.orgName, url, optOutUrl, reviewLinks });
  const attempts = inv.attempts + 1;
  try {
    await deliverInvitation(trx, config, settings, { orgId, invitationId: id, channel, to: (channel === 'sms' ? inv.phone : inv.email)!, message });
  } catch (error) {
    const permanent = error instanceof SmsError && error.permanent;
    const text = error instanceof SmsError ? renderText('en', error.reason) : (error as Error).message;
    if (permanent || attempts >= MAX_SEND_ATTEMPTS) {
      await trx
        .updateTable('survey_invitations')
        .set({ status: 'failed', attempts, error: text.slice(0, 1000), channel, link_id: linkId })
        .where('id', '=', id)
        .execute();
      return 'failed';
    }
    const retryAt = new Date(now.getTime() + retryDelayMinutes(attempts) * 60_000);
    await trx
      .updateTable('survey_invitations')
      .set({ attempts, error: text.slice(0, 1000), scheduled_for: retryAt, channel, link_id: linkId })
      .where('id', '=', id)
      .execute();
    return 'retried';
  }
  await trx
    .updateTable('survey_invitations')
    .set({ status: 'sent', sent_at: now, attempts, error: null, channel, link_id: linkId, scheduled_for: sql`scheduled_for` })
    .where('id', '=', id)
    .execute();
  return 'sent';
}
