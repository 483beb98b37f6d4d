import nodemailer, { type Transporter } from 'nodemailer';

/** How long an SMTP server may take to connect, greet or answer before the send fails (and is retried by its caller). */
const SMTP_TIMEOUT_MS = 10_000;

const transports = new Map<string, Transporter>();

/**
 * The one pooled nodemailer transport per SMTP URL (`VERITY_SMTP_URL`) that every sender shares:
 * notifications, survey invitations and reports.
 */
export function smtpTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS });
    transports.set(smtpUrl, transport);
  }
  return transport;
}
