import { notificationsMessages } from '../notifications.messages.ts';
import { smtpTransport } from '../../core/smtp.ts';
import { z } from 'zod';
import { escapeHtml, openInVerity } from './markup.ts';
import { maskFields, PermanentDeliveryError, type NotificationChannelDriver } from './driver.ts';

export interface EmailConfig {
  to: string[];
}

export interface Email {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** E-mail through the configured SMTP server: HTML with the patient's text escaped, and plain text. Also how users are e-mailed. */
export const emailDriver: NotificationChannelDriver<EmailConfig, Email> = {
  kind: 'email',
  configSchema: z
    .object({
      to: z
        .array(z.email({ message: 'must be an e-mail address' }).max(320))
        .min(1, 'needs at least one address')
        .max(50),
    })
    .strict(),
  secretFields: [],
  deliveredByJob: true,
  render(message, config, locale) {
    const link = message.url ? `\n\n${message.url}` : '';
    const htmlText = escapeHtml(message.text).replace(/\r?\n/g, '<br>\n');
    const htmlLink = message.url ? `<p><a href="${escapeHtml(message.url)}">${escapeHtml(openInVerity(locale))}</a></p>` : '';
    return {
      to: config.to,
      subject: message.title,
      text: `${message.title}\n\n${message.text}${link}\n`,
      html: `<!doctype html><html><body><h2>${escapeHtml(message.title)}</h2><p>${htmlText}</p>${htmlLink}</body></html>`,
    };
  },
  async send(email, ctx) {
    if (!ctx.smtpUrl) throw new PermanentDeliveryError(notificationsMessages.text('error.smtpNotConfigured'));
    await smtpTransport(ctx.smtpUrl).sendMail({ from: ctx.mailFrom, to: email.to, subject: email.subject, text: email.text, html: email.html });
  },
  mask: maskFields([]),
};
