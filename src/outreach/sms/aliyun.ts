import { createHmac, randomUUID } from 'node:crypto';
import { outreachMessages } from '../outreach.messages.ts';
import { providerFetch, SmsError, type SmsProvider } from './sms-provider.ts';

/*
 * Alibaba Cloud SMS (dysmsapi, API version 2017-05-25), action SendSms, signed with the RPC
 * signature version 1.0: the parameters sorted by name and percent-encoded (RFC 3986: space
 * %20, * %2A, ~ kept), "GET&%2F&" + the encoded query as the string to sign, HMAC-SHA1 with
 * "AccessKeySecret&", Base64. The answer's Code is "OK" on success, with the BizId.
 */

export interface AliyunConfig {
  accessKeyId: string;
  accessKeySecret: string;
  signName: string;
  templateCode: string;
  regionId?: string;
  baseUrl?: string;
}

/** RFC 3986 percent-encoding as Alibaba Cloud's signature requires. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The signed query string of an RPC request (the parameters plus Signature). */
export function signRpcQuery(params: Record<string, string>, secret: string, method = 'GET'): string {
  const canonical = Object.keys(params)
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k]!)}`)
    .join('&');
  const stringToSign = `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
  const signature = createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64');
  return `Signature=${percentEncode(signature)}&${canonical}`;
}

/** The time as Alibaba Cloud wants it: ISO 8601 in UTC without milliseconds. */
const timestamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function aliyunProvider(config: AliyunConfig, now: () => Date = () => new Date()): SmsProvider {
  const base = (config.baseUrl ?? 'https://dysmsapi.aliyuncs.com').replace(/\/+$/, '');
  return {
    kind: 'aliyun',
    async send(to, text, vars) {
      const params: Record<string, string> = {
        AccessKeyId: config.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        PhoneNumbers: to.replace(/^\+86/, ''),
        RegionId: config.regionId ?? 'cn-hangzhou',
        SignName: config.signName,
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: randomUUID(),
        SignatureVersion: '1.0',
        TemplateCode: config.templateCode,
        TemplateParam: JSON.stringify(vars ?? { text }),
        Timestamp: timestamp(now()),
        Version: '2017-05-25',
      };
      const res = await providerFetch('Alibaba Cloud SMS', `${base}/?${signRpcQuery(params, config.accessKeySecret)}`, { method: 'GET' }, (error) =>
        outreachMessages.text('sms.unreachable', { provider: 'Alibaba Cloud SMS', error }),
      );
      const body = (await res.json().catch(() => null)) as { Code?: string; Message?: string; BizId?: string; RequestId?: string } | null;
      if (body?.Code === 'OK' && body.BizId) return { providerId: body.BizId };
      const error = `${body?.Code ?? `HTTP ${res.status}`}${body?.Message ? ` ${body.Message}` : ''}`;
      // Wrong numbers, templates, signatures or keys stay wrong; throttling and server errors may pass later.
      const permanent =
        !!body?.Code &&
        /^(isv\.(MOBILE_NUMBER_ILLEGAL|TEMPLATE_MISSING_PARAMETERS|SMS_TEMPLATE_ILLEGAL|SMS_SIGNATURE_ILLEGAL|INVALID_PARAMETERS)|InvalidAccessKeyId|SignatureDoesNotMatch)/.test(body.Code);
      throw new SmsError(outreachMessages.text('sms.failed', { provider: 'Alibaba Cloud SMS', error }), permanent);
    },
  };
}
