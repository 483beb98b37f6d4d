import { outreachMessages } from '../outreach.messages.ts';
import { providerFetch, SmsError, type SmsProvider } from './sms-provider.ts';

/*
 * SMS.ru: GET /sms/send?api_id=…&to=…&msg=…&json=1. The answer is JSON: status "OK" (status_code
 * 100) with `sms[<number>]` holding that number's own status and sms_id, or status "ERROR" with
 * status_code and status_text (e.g. 200: wrong api_id).
 */

export interface SmsRuConfig {
  apiId: string;
  from?: string;
  baseUrl?: string;
}

interface SmsRuAnswer {
  status?: string;
  status_code?: number;
  status_text?: string;
  sms?: Record<string, { status?: string; status_code?: number; status_text?: string; sms_id?: string }>;
}

/** Codes of SMS.ru that trying again cannot fix: wrong api_id, blocked account, wrong number, number in the stop list. */
const PERMANENT = new Set([200, 201, 202, 203, 204, 207, 208, 209, 210, 211, 230, 231, 232, 233, 300, 301, 302]);

export function smsRuProvider(config: SmsRuConfig): SmsProvider {
  const base = (config.baseUrl ?? 'https://sms.ru').replace(/\/+$/, '');
  return {
    kind: 'smsru',
    async send(to, text) {
      const number = to.replace(/[^\d]/g, '');
      const query = new URLSearchParams({ api_id: config.apiId, to: number, msg: text, json: '1' });
      if (config.from) query.set('from', config.from);
      const res = await providerFetch('SMS.ru', `${base}/sms/send?${query}`, { method: 'GET' }, (error) => outreachMessages.text('sms.unreachable', { provider: 'SMS.ru', error }));
      const body = (await res.json().catch(() => null)) as SmsRuAnswer | null;
      const fail = (code: number | undefined, what: string | undefined) =>
        new SmsError(outreachMessages.text('sms.failed', { provider: 'SMS.ru', error: `${code ?? `HTTP ${res.status}`} ${what ?? ''}`.trim() }), code !== undefined && PERMANENT.has(code));
      if (!body || body.status !== 'OK') throw fail(body?.status_code, body?.status_text);
      const one = body.sms?.[number] ?? Object.values(body.sms ?? {})[0];
      if (!one || one.status !== 'OK' || !one.sms_id) throw fail(one?.status_code, one?.status_text);
      return { providerId: one.sms_id };
    },
  };
}
