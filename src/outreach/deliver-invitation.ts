import { smtpTransport } from '../core/smtp.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../db/database.ts';
import { keepInOutbox } from '../notifications/index.ts';
import type { InvitationMessage } from './invitation-message.ts';
import type { OutreachSettings } from './outreach-settings.ts';
import type { InvitationChannel } from './outreach.vocab.ts';
import { smsProviderFor } from './sms/index.ts';

/**
 * Sends one invitation: an e-mail through SMTP (or into the organisation's local mail outbox when
 * no SMTP server is configured), an SMS through the organisation's provider. Returns the
 * provider's id for an SMS; throws SmsError or the mailer's error on failure.
 */
export async function deliverInvitation(
  db: Db,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  settings: Pick<OutreachSettings, 'smsProvider' | 'smsConfig'>,
  input: { orgId: string; invitationId: string; channel: InvitationChannel; to: string; message: InvitationMessage },
): Promise<string | null> {
  if (input.channel === 'email') {
    const email = { to: [input.to], subject: input.message.subject, text: input.message.text, html: input.message.html };
    if (!config.smtpUrl) await keepInOutbox(db, input.orgId, null, email);
    else await smtpTransport(config.smtpUrl).sendMail({ from: config.mailFrom, ...email });
    return null;
  }
  const provider = smsProviderFor(settings.smsProvider, settings.smsConfig, { db, orgId: input.orgId, invitationId: input.invitationId });
  const sent = await provider.send(input.to, input.message.text, input.message.vars);
  return sent.providerId;
}
