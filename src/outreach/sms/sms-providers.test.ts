import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { aliyunProvider } from './aliyun.ts';
import { SmsError } from './sms-provider.ts';
import { smsRuProvider } from './smsru.ts';
import { twilioProvider } from './twilio.ts';
import { maskSmsConfig, mergeSmsConfig } from './sms-config.ts';

/*
 * Each provider against a local replay server (127.0.0.1) that records the request and answers
 * with the provider's documented success or error body.
 */

interface Recorded {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: string;
}
let server: Server;
let base: string;
let recorded: Recorded[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      recorded.push({ method: req.method!, url: new URL(req.url!, 'http://replay'), headers: req.headers, body });
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  recorded = [];
});

async function refusal(promise: Promise<unknown>): Promise<SmsError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SmsError) return error;
    throw error;
  }
  throw new Error('not refused');
}

/** The documented signature, computed here step by step from what the server received. */
function expectedAliyunSignature(query: URLSearchParams, secret: string): string {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~').replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29');
  const pairs = [...query.entries()].filter(([k]) => k !== 'Signature').sort(([a], [b]) => (a < b ? -1 : 1));
  const canonical = pairs.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  return createHmac('sha1', `${secret}&`)
    .update(`GET&%2F&${enc(canonical)}`)
    .digest('base64');
}

test('Alibaba Cloud SendSms: signed RPC GET with SignName, TemplateCode and TemplateParam; BizId on Code OK', async () => {
  answer = { status: 200, body: { Message: 'OK', RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990', BizId: '900619746936498440^0', Code: 'OK' } };
  const provider = aliyunProvider(
    { accessKeyId: 'testid', accessKeySecret: 'testsecret', signName: '阿里云短信测试', templateCode: 'SMS_154950909', baseUrl: base },
    () => new Date('2026-12-01T12:00:00.123Z'),
  );
  const sent = await provider.send('+8613800000000', 'ignored', { org: '北院', url: 'https://v.example.test/s/abc', optout: 'https://v.example.test/o/def' });
  expect(sent).toEqual({ providerId: '900619746936498440^0' });
  const [req] = recorded;
  expect(req!.method).toBe('GET');
  const q = req!.url.searchParams;
  expect(Object.fromEntries([...q.entries()].filter(([k]) => !['Signature', 'SignatureNonce'].includes(k)))).toEqual({
    AccessKeyId: 'testid',
    Action: 'SendSms',
    Format: 'JSON',
    PhoneNumbers: '13800000000',
    RegionId: 'cn-hangzhou',
    SignName: '阿里云短信测试',
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    TemplateCode: 'SMS_154950909',
    TemplateParam: JSON.stringify({ org: '北院', url: 'https://v.example.test/s/abc', optout: 'https://v.example.test/o/def' }),
    Timestamp: '2026-12-01T12:00:00Z',
    Version: '2017-05-25',
  });
  expect(q.get('SignatureNonce')).toMatch(/^[0-9a-f-]{36}$/);
  expect(q.get('Signature')).toBe(expectedAliyunSignature(q, 'testsecret'));
  // Spaces are %20, never +, in the signed query.
  expect(req!.url.search).not.toContain('+');
});

test('Alibaba Cloud errors: a wrong number is permanent, throttling is not', async () => {
  const provider = aliyunProvider({ accessKeyId: 'id', accessKeySecret: 's', signName: 'x', templateCode: 'SMS_1', baseUrl: base });
  answer = { status: 200, body: { Message: '手机号码格式错误', RequestId: 'R1', Code: 'isv.MOBILE_NUMBER_ILLEGAL' } };
  const wrong = await refusal(provider.send('123', 't'));
  expect(wrong.permanent).toBe(true);
  expect(wrong.reason).toEqual({ code: 'outreach.sms.failed', params: { provider: 'Alibaba Cloud SMS', error: 'isv.MOBILE_NUMBER_ILLEGAL 手机号码格式错误' } });
  answer = { status: 200, body: { Message: '触发分钟级流控Permits:1', RequestId: 'R2', Code: 'isv.BUSINESS_LIMIT_CONTROL' } };
  expect((await refusal(provider.send('13800000000', 't'))).permanent).toBe(false);
});

test('SMS.ru: GET /sms/send with api_id, to, msg and json=1; sms_id of the number on OK', async () => {
  answer = { status: 200, body: { status: 'OK', status_code: 100, sms: { '79001234567': { status: 'OK', status_code: 100, sms_id: '000000-10000000' } }, balance: 4122.56 } };
  const sent = await smsRuProvider({ apiId: 'API-KEY', baseUrl: base }).send('+7 900 123-45-67', 'Спасибо за визит');
  expect(sent).toEqual({ providerId: '000000-10000000' });
  const [req] = recorded;
  expect(req!.url.pathname).toBe('/sms/send');
  expect(Object.fromEntries(req!.url.searchParams)).toEqual({ api_id: 'API-KEY', to: '79001234567', msg: 'Спасибо за визит', json: '1' });
});

test('SMS.ru errors: a wrong api_id (200) and a number-level refusal are permanent', async () => {
  const provider = smsRuProvider({ apiId: 'bad', baseUrl: base });
  answer = { status: 200, body: { status: 'ERROR', status_code: 200, status_text: 'Неправильный api_id' } };
  const e = await refusal(provider.send('79001234567', 'x'));
  expect(e.permanent).toBe(true);
  expect(e.reason.params).toEqual({ provider: 'SMS.ru', error: '200 Неправильный api_id' });
  answer = { status: 200, body: { status: 'OK', status_code: 100, sms: { '79001234567': { status: 'ERROR', status_code: 207, status_text: 'На этот номер нельзя отправлять сообщения' } } } };
  expect((await refusal(provider.send('79001234567', 'x'))).permanent).toBe(true);
  answer = { status: 200, body: { status: 'ERROR', status_code: 220, status_text: 'Сервис временно недоступен' } };
  expect((await refusal(provider.send('79001234567', 'x'))).permanent).toBe(false);
});

test('Twilio: POST Messages.json with basic auth and a form body; the Message sid on 201', async () => {
  answer = { status: 201, body: { sid: 'SM1234567890abcdef1234567890abcdef', status: 'queued', to: '+15558675310', from: '+15017122661' } };
  const sent = await twilioProvider({ accountSid: 'ACxxxxxxxx', authToken: 'token123', from: '+15017122661', baseUrl: base }).send('+15558675310', 'How was your visit?');
  expect(sent).toEqual({ providerId: 'SM1234567890abcdef1234567890abcdef' });
  const [req] = recorded;
  expect(req!.method).toBe('POST');
  expect(req!.url.pathname).toBe('/2010-04-01/Accounts/ACxxxxxxxx/Messages.json');
  expect(req!.headers.authorization).toBe(`Basic ${Buffer.from('ACxxxxxxxx:token123').toString('base64')}`);
  expect(req!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  expect(Object.fromEntries(new URLSearchParams(req!.body))).toEqual({ To: '+15558675310', From: '+15017122661', Body: 'How was your visit?' });
});

test('Twilio errors: 400 (invalid To) is permanent, 429 and 5xx are retried; an unreachable host is not permanent', async () => {
  const provider = twilioProvider({ accountSid: 'AC1', authToken: 't', from: '+1', baseUrl: base });
  answer = { status: 400, body: { code: 21211, message: "The 'To' number 123 is not a valid phone number.", more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 } };
  const e = await refusal(provider.send('123', 'x'));
  expect(e.permanent).toBe(true);
  expect(e.reason.params).toEqual({ provider: 'Twilio', error: "21211 The 'To' number 123 is not a valid phone number." });
  answer = { status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } };
  expect((await refusal(provider.send('+1555', 'x'))).permanent).toBe(false);
  answer = { status: 503, body: {} };
  expect((await refusal(provider.send('+1555', 'x'))).permanent).toBe(false);
  const down = await refusal(twilioProvider({ accountSid: 'AC1', authToken: 't', from: '+1', baseUrl: 'http://127.0.0.1:9' }).send('+1555', 'x'));
  expect(down.reason.code).toBe('outreach.sms.unreachable');
  expect(down.permanent).toBe(false);
});

test('credentials: secrets masked in answers, a masked secret sent back keeps the stored one, missing fields named', () => {
  const stored = mergeSmsConfig('twilio', { accountSid: 'AC1', authToken: 'secret-token-9876', from: '+1555' }, {});
  const masked = maskSmsConfig('twilio', stored);
  expect(masked).toEqual({ accountSid: 'AC1', authToken: '••••9876', from: '+1555' });
  expect(mergeSmsConfig('twilio', masked, stored).authToken).toBe('secret-token-9876');
  expect(() => mergeSmsConfig('aliyun', { accessKeyId: 'x' }, {})).toThrow('smsConfig.accessKeySecret');
  expect(() => mergeSmsConfig('smsru', { apiId: 'k', baseUrl: 'file:///etc/passwd' }, {})).toThrow('smsConfig.baseUrl');
});
