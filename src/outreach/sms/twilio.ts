import { outreachMessages } from '../outreach.messages.ts';
import { providerFetch, SmsError, type SmsProvider } from './sms-provider.ts';

/*
 * Twilio Programmable Messaging: POST /2010-04-01/Accounts/{AccountSid}/Messages.json with HTTP
 * basic auth (Account SID : Auth Token) and a form body To, From, Body. 201 answers the Message
 * resource (its `sid`, SM…); an error answers { code, message, more_info, status }.
 */

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  baseUrl?: string;
}

export function twilioProvider(config: TwilioConfig): SmsProvider {
  const base = (config.baseUrl ?? 'https://api.twilio.com').replace(/\/+$/, '');
  return {
    kind: 'twilio',
    async send(to, text) {
      const body = new URLSearchParams({ To: to, From: config.from, Body: text });
      const res = await providerFetch(
        'Twilio',
        `${base}/2010-04-01/Accounts/${encodeURIComponent(config.accountSid)}/Messages.json`,
        {
          method: 'POST',
          headers: { authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
          body: body.toString(),
        },
        (error) => outreachMessages.text('sms.unreachable', { provider: 'Twilio', error }),
      );
      const answer = (await res.json().catch(() => null)) as { sid?: string; status?: string; code?: number; message?: string } | null;
      if (res.ok && answer?.sid) return { providerId: answer.sid };
      const error = `${answer?.code ?? `HTTP ${res.status}`}${answer?.message ? ` ${answer.message}` : ''}`;
      // 4xx but 429 (too many requests) will fail the same way again: a wrong number, sender or credentials.
      throw new SmsError(outreachMessages.text('sms.failed', { provider: 'Twilio', error }), res.status >= 400 && res.status < 500 && res.status !== 429);
    },
  };
}
