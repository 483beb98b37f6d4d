import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Role } from '../core/access.vocab.ts';
import { activeSecretKey, generateSecretKey, openSecret, parseSecretKey, sealedKeyId, type SecretKey } from '../core/secrets.ts';
import { portalSecret } from '../followups/portal-token.ts';
import { openChannelConfig } from '../notifications/index.ts';
import { prepareStoredSecrets, rotateStoredSecrets } from '../stored-secrets.ts';
import { createTestApp, type TestApp, type TestClient } from '../test-support/test-app.ts';

/*
 * Issue 13: "Channel URLs with their keys (Slack, WeCom key, DingTalk access_token) are shown
 * unmasked to read-only roles." Every stored secret is encrypted at rest, masked to every role in
 * every answer, kept when edited without re-entering it, and re-sealed by `verity rotate-key`.
 */

// The key parts of each secret: none may appear in a raw row or in any answer.
const SECRETS = {
  slack: { config: { url: 'https://hooks.slack.com/services/T0SLACKORG/B0SLACKHOOK/slackKEYpart1234abcd' }, parts: ['slackKEYpart1234', 'B0SLACKHOOK'] },
  wecom: { config: { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=wecomKEY-5678-ef01-aa22' }, parts: ['wecomKEY-5678'] },
  dingtalk: { config: { url: 'https://oapi.dingtalk.com/robot/send?access_token=dingTOKEN9012ijklmn', secret: 'SECdingSIGNsecret3456' }, parts: ['dingTOKEN9012', 'SECdingSIGNsecret'] },
  telegram: { config: { botToken: '123456:tgBOTtoken7890mnopqr', chatId: '-1001' }, parts: ['tgBOTtoken7890'] },
  webhook: { config: { url: 'https://hooks.example.org/in/hookPATHkey9988', secret: 'hookSIGNsecret4242' }, parts: ['hookPATHkey', 'hookSIGNsecret'] },
} as const;
const ALL_PARTS = Object.values(SECRETS).flatMap((s) => s.parts);
const SMS_SECRET = 'twilioAUTHtoken5566abcd';

let app: TestApp;
let orgId: string;
let admin: TestClient;
const ids: Record<string, string> = {};
let webhookSource: { id: string; secret: string };

beforeAll(async () => {
  app = await createTestApp();
  orgId = await app.createOrg('secrets');
  admin = await app.userClient(orgId, 'admin');
  for (const [kind, { config }] of Object.entries(SECRETS)) {
    const res = await admin.post('/api/alert-channels', { name: `${kind} channel`, kind, config });
    if (res.statusCode !== 201) throw new Error(`${kind}: ${res.body}`);
    ids[kind] = res.json().channel.id;
  }
  const source = (await admin.post('/api/sources', { name: 'Signed partner', kind: 'webhook' })).json();
  webhookSource = { id: source.source.id, secret: source.webhookSecret };
  const sms = await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { smsProvider: 'twilio', smsConfig: { accountSid: 'AC123', authToken: SMS_SECRET, from: '+15550001' } } });
  if (sms.statusCode !== 200) throw new Error(sms.body);
  await portalSecret(app.ctx.db, orgId);
});
afterAll(async () => {
  await app?.close();
});

/** Every stored secret as it lies in the database (raw text of each row). */
async function rawRows(): Promise<string> {
  const db = app.ctx.db;
  const rows = [
    ...(await db.selectFrom('alert_channels').select('config').where('org_id', '=', orgId).execute()).map((r) => JSON.stringify(r.config)),
    ...(await db.selectFrom('sources').select('webhook_secret').where('org_id', '=', orgId).execute()).map((r) => r.webhook_secret ?? ''),
    ...(await db.selectFrom('outreach_settings').select('sms_config').where('org_id', '=', orgId).execute()).map((r) => JSON.stringify(r.sms_config)),
    ...(await db.selectFrom('followup_secrets').select('secret').where('org_id', '=', orgId).execute()).map((r) => r.secret),
  ];
  return rows.join('\n');
}

function signed(secret: string, body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  return { 'content-type': 'application/json', 'x-verity-timestamp': timestamp, 'x-verity-signature': `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}` };
}

describe('at rest', () => {
  test('no secret is stored in plaintext: channel URLs and tokens, webhook and SMS secrets, the portal signing key', async () => {
    const raw = await rawRows();
    for (const part of [...ALL_PARTS, webhookSource.secret, SMS_SECRET]) expect(raw).not.toContain(part);
    expect(raw).toMatch(/v1:[0-9a-f]{8}:/);
    // …and each opens to what was entered.
    const slack = await app.ctx.db.selectFrom('alert_channels').select(['kind', 'config']).where('id', '=', ids.slack!).executeTakeFirstOrThrow();
    expect(openChannelConfig(slack.kind, slack.config)).toEqual(SECRETS.slack.config);
  });

  test('the webhook source opens its secret to check a signature (decrypt on use)', async () => {
    const body = JSON.stringify({ mentions: [{ externalId: 'w1', text: 'Signed and sealed' }] });
    const res = await app.server.inject({ method: 'POST', url: `/api/v1/sources/${webhookSource.id}/webhook`, headers: signed(webhookSource.secret, body), payload: body });
    expect(res.statusCode, res.body).toBe(200);
    const forged = await app.server.inject({ method: 'POST', url: `/api/v1/sources/${webhookSource.id}/webhook`, headers: signed('whsec_wrong', body), payload: body });
    expect(forged.statusCode).toBe(401);
  });

  test('a row written before encryption is sealed at the next start, once', async () => {
    const plain = { url: 'https://hooks.slack.com/services/T1/B1/legacyPLAINkey77' };
    const { id } = await app.ctx.db
      .insertInto('alert_channels')
      .values({ org_id: orgId, name: 'legacy', kind: 'slack', config: JSON.stringify(plain) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await prepareStoredSecrets(app.ctx.db, activeSecretKey())).toBe(1);
    expect(await prepareStoredSecrets(app.ctx.db, activeSecretKey())).toBe(0);
    const row = await app.ctx.db.selectFrom('alert_channels').select('config').where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.config)).not.toContain('legacyPLAINkey');
    expect(openChannelConfig('slack', row.config)).toEqual(plain);
    await app.ctx.db.deleteFrom('alert_channels').where('id', '=', id).execute();
  });

  test('a start with another key is refused clearly, naming both key ids', async () => {
    const other = parseSecretKey(generateSecretKey());
    await expect(prepareStoredSecrets(app.ctx.db, other)).rejects.toThrow(new RegExp(`encrypted with key ${activeSecretKey().id}.*is key ${other.id}`));
  });
});

describe('masked in every answer', () => {
  const readers: Role[] = ['viewer', 'department_head', 'leadership', 'pr', 'marketing', 'service', 'admin'];
  test.each(readers)('%s reads the channel list with every key masked', async (role) => {
    const departmentIds = role === 'department_head' ? [(await admin.post('/api/org/departments', { code: `d${Date.now() % 100000}`, name: 'Dept' })).json().department.id] : undefined;
    const client = role === 'admin' ? admin : await app.userClient(orgId, role, { departmentIds });
    const res = await client.get('/api/alert-channels');
    expect(res.statusCode).toBe(200);
    for (const part of ALL_PARTS) expect(res.body).not.toContain(part);
    const slack = res.json().items.find((c: { id: string }) => c.id === ids.slack);
    expect(slack.config.url).toBe('https://hooks.slack.com/…/••••abcd');
    const wecom = res.json().items.find((c: { id: string }) => c.id === ids.wecom);
    expect(wecom.config.url).toBe('https://qyapi.weixin.qq.com/…/••••aa22');
  });

  test('the answers to creating and changing a channel, the SMS settings and the sources list are masked too', async () => {
    const created = await admin.post('/api/alert-channels', { name: 'another slack', kind: 'slack', config: { url: 'https://hooks.slack.com/services/T9/B9/createdKEYxyz9' } });
    expect(created.body).not.toContain('createdKEYxyz');
    const patched = await admin.patch(`/api/alert-channels/${ids.webhook}`, { name: 'webhook renamed' });
    for (const part of ALL_PARTS) expect(patched.body).not.toContain(part);
    const settings = await admin.get('/api/outreach/settings');
    expect(settings.body).not.toContain(SMS_SECRET);
    expect(settings.json().settings.smsConfig.authToken).toBe('••••abcd');
    const sources = await admin.get('/api/sources');
    expect(sources.body).not.toContain(webhookSource.secret);
    await app.ctx.db.deleteFrom('alert_channels').where('id', '=', created.json().channel.id).execute();
  });
});

describe('editing', () => {
  test('a channel edited without re-entering its key keeps it; a new key replaces it', async () => {
    for (const kind of ['slack', 'wecom', 'dingtalk', 'webhook', 'telegram'] as const) {
      const shown = (await admin.get('/api/alert-channels')).json().items.find((c: { id: string }) => c.id === ids[kind]);
      const res = await admin.patch(`/api/alert-channels/${ids[kind]}`, { name: `${kind} edited`, config: shown.config });
      expect(res.statusCode, res.body).toBe(200);
      const row = await app.ctx.db.selectFrom('alert_channels').select(['config']).where('id', '=', ids[kind]!).executeTakeFirstOrThrow();
      expect(openChannelConfig(kind, row.config)).toEqual(SECRETS[kind].config);
    }
    const replaced = 'https://hooks.slack.com/services/T0SLACKORG/B0SLACKHOOK/slackKEYpart1234abcd';
    const res = await admin.patch(`/api/alert-channels/${ids.slack}`, { config: { url: 'https://hooks.slack.com/services/T2/B2/newKEY' } });
    expect(res.statusCode).toBe(200);
    const row = await app.ctx.db.selectFrom('alert_channels').select(['config']).where('id', '=', ids.slack!).executeTakeFirstOrThrow();
    expect(openChannelConfig('slack', row.config)).toEqual({ url: 'https://hooks.slack.com/services/T2/B2/newKEY' });
    await admin.patch(`/api/alert-channels/${ids.slack}`, { config: { url: replaced } });
  });

  test('SMS settings saved with the masked token keep the stored one', async () => {
    const shown = (await admin.get('/api/outreach/settings')).json().settings.smsConfig;
    expect((await admin.request({ method: 'PUT', url: '/api/outreach/settings', payload: { smsConfig: shown } })).statusCode).toBe(200);
    const row = await app.ctx.db.selectFrom('outreach_settings').select('sms_config').where('org_id', '=', orgId).executeTakeFirstOrThrow();
    expect(openSecret(row.sms_config.authToken!)).toBe(SMS_SECRET);
  });
});

describe('rotate-key', () => {
  test('re-seals every secret under the new key in one go: all stay usable, the old key opens none', async () => {
    const oldKey = activeSecretKey();
    const newKey: SecretKey = parseSecretKey(generateSecretKey());
    const before = await app.ctx.db.selectFrom('alert_channels').select(['id', 'kind', 'config']).where('org_id', '=', orgId).execute();
    const result = await rotateStoredSecrets(app.ctx.db, [oldKey], newKey);
    // 5 channels, 1 webhook source, 1 SMS setting, 1 portal key (other test files' organisations are not in this database).
    expect(result.tables).toEqual({ alert_channels: 5, sources: 1, outreach_settings: 1, followup_secrets: 1 });
    expect(result.rows).toBe(8);
    const after = await app.ctx.db.selectFrom('alert_channels').select(['id', 'kind', 'config']).where('org_id', '=', orgId).execute();
    for (const row of after) {
      const was = before.find((b) => b.id === row.id)!;
      expect(openChannelConfig(row.kind, row.config, [newKey])).toEqual(openChannelConfig(was.kind, was.config, [oldKey]));
      for (const value of Object.values(row.config))
        if (typeof value === 'string' && value.startsWith('v1:')) {
          expect(sealedKeyId(value)).toBe(newKey.id);
          expect(() => openSecret(value, [oldKey])).toThrow(/not the configured VERITY_SECRET_KEY/);
        }
    }
    // The store now refuses the old key and accepts the new one.
    await expect(prepareStoredSecrets(app.ctx.db, oldKey)).rejects.toThrow(/encrypted with key/);
    expect(await prepareStoredSecrets(app.ctx.db, newKey)).toBe(0);
    // Rotating again with a wrong old key changes nothing.
    await expect(rotateStoredSecrets(app.ctx.db, [oldKey], parseSecretKey(generateSecretKey()))).rejects.toThrow(/encrypted with key/);
    const source = await app.ctx.db.selectFrom('sources').select('webhook_secret').where('id', '=', webhookSource.id).executeTakeFirstOrThrow();
    expect(openSecret(source.webhook_secret!, [newKey])).toBe(webhookSource.secret);
    // Back to the process key so the rest of the file (and its close) reads as before.
    await rotateStoredSecrets(app.ctx.db, [newKey], oldKey);
    expect(await prepareStoredSecrets(app.ctx.db, oldKey)).toBe(0);
  });
});
