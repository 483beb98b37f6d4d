import { randomBytes } from 'node:crypto';
import { publicBaseUrl, type Config } from '../core/config.ts';
import type { Locale } from '../core/i18n.ts';
import { escapeHtml } from '../core/public-page.ts';
import type { Db } from '../db/database.ts';
import { outreachMessages } from './outreach.messages.ts';
import type { InvitationKind } from './outreach.vocab.ts';

/** A fresh opt-out link for a patient, kept so that the page can find them; its URL is `<public>/o/<token>`. */
export async function createOptOutLink(db: Db, config: Pick<Config, 'publicUrl' | 'port'>, input: { orgId: string; patientId: string; invitationId: string | null }): Promise<string> {
  const token = randomBytes(18).toString('base64url');
  await db.insertInto('outreach_opt_out_links').values({ token, org_id: input.orgId, patient_id: input.patientId, invitation_id: input.invitationId }).execute();
  return `${publicBaseUrl(config)}/o/${token}`;
}

export interface InvitationMessage {
  subject: string;
  /** The SMS text and the e-mail's plain text. */
  text: string;
  html: string;
  /** Template variables (Alibaba Cloud sends templates, not free text). */
  vars: Record<string, string>;
}

/** The invitation in the patient's language: the survey (or review) link and the opt-out link, in every message. */
export function renderInvitation(locale: Locale, input: { kind: InvitationKind; orgName: string; url: string; optOutUrl: string; reviewLinks?: { label: string; url: string }[] }): InvitationMessage {
  const t = (key: Parameters<typeof outreachMessages.render>[1], params: Record<string, string>) => outreachMessages.render(locale, key, params);
  const org = input.orgName;
  const isReview = input.kind === 'review_request';
  const subject = t(isReview ? 'invite.reviewSubject' : 'invite.subject', { org });
  const links = isReview ? (input.reviewLinks ?? []) : [];
  const body = t(isReview ? 'invite.reviewBody' : 'invite.body', { org, url: isReview ? links.map((l) => `${l.label} ${l.url}`).join(' · ') : input.url });
  const optOut = t('invite.optOut', { url: input.optOutUrl });
  const text = `${body}\n${optOut}`;
  const linkHtml = isReview ? links.map((l) => `<a href="${escapeHtml(l.url)}">${escapeHtml(l.label)}</a>`).join(' · ') : `<a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a>`;
  const bodyHtml = escapeHtml(t(isReview ? 'invite.reviewBody' : 'invite.body', { org, url: '\u0000' })).replace('\u0000', linkHtml);
  const optOutHtml = escapeHtml(t('invite.optOut', { url: '\u0000' })).replace('\u0000', `<a href="${escapeHtml(input.optOutUrl)}">${escapeHtml(input.optOutUrl)}</a>`);
  const html = `<!doctype html><html lang="${locale}"><body><p>${bodyHtml}</p><p style="color:#555;font-size:13px">${optOutHtml}</p></body></html>`;
  return { subject, text, html, vars: { org, url: isReview ? (links[0]?.url ?? '') : input.url, optout: input.optOutUrl } };
}
