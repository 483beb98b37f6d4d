import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CHANNEL_KINDS } from '../notifications.vocab.ts';
import { maskConfig, parseChannelConfig } from '../channel-config.ts';
import { renderDingtalk } from './dingtalk.ts';
import { emailDriver } from './email.ts';
import { CHANNEL_DRIVERS } from './index.ts';
import { slackDriver } from './slack.ts';
import { telegramDriver } from './telegram.ts';
import { renderWebhook } from './webhook.ts';
import { wecomDriver } from './wecom.ts';

const message = { id: 'n1', orgId: 'o1', title: 'Negative <review>', text: 'Waited *3* hours & left', url: 'http://verity.test/alerts', urgent: false, createdAt: new Date('2026-03-04T00:00:00Z') };

test('has a driver for every channel kind, each under its own kind', () => {
  for (const kind of CHANNEL_KINDS) expect(CHANNEL_DRIVERS[kind].kind).toBe(kind);
  expect(CHANNEL_DRIVERS.in_app.deliveredByJob).toBe(false);
});

describe('configuration', () => {
  test('masks the secrets of a kind and keeps the stored one when the mask comes back', () => {
    const stored = parseChannelConfig('webhook', { url: 'https://hooks.example/x', secret: 'webhook-secret-abc' });
    const shown = maskConfig('webhook', stored);
    expect(shown).toEqual({ url: 'https://hooks.example/…/••••le/x', secret: '••••-abc' });
    expect(parseChannelConfig('webhook', shown, stored)).toEqual(stored);
    expect(maskConfig('telegram', parseChannelConfig('telegram', { botToken: '123456:ABC-token', chatId: 7 }))).toEqual({ botToken: '••••oken', chatId: '7' });
  });

  test('names the first problem of a configuration', () => {
    expect(() => parseChannelConfig('email', { to: ['not an address'] })).toThrow('config.to.0: must be an e-mail address');
    expect(() => parseChannelConfig('slack', { url: 'ftp://x' })).toThrow(/^config\.url: /);
  });
});

describe('payloads', () => {
  test('say "Open in Verity" in the reader’s language', () => {
    expect(JSON.parse(wecomDriver.render(message, { url: 'https://qyapi.example' }, 'en').body).markdown.content).toContain('[Open in Verity](http://verity.test/alerts)');
    expect(JSON.parse(wecomDriver.render(message, { url: 'https://qyapi.example' }, 'zh-CN').body).markdown.content).toContain('[在 Verity 中打开](http://verity.test/alerts)');
    expect(JSON.parse(slackDriver.render(message, { url: 'https://hooks.slack.example' }, 'ru').body).blocks[2].text.text).toBe('<http://verity.test/alerts|Открыть в Verity>');
    expect(emailDriver.render(message, { to: ['a@b.test'] }, 'ru').html).toContain('>Открыть в Verity</a>');
  });

  test('escape patient text for each platform', () => {
    expect(JSON.parse(wecomDriver.render(message, { url: 'https://qyapi.example' }, 'en').body).markdown.content).toContain('Waited \\*3\\* hours & left');
    expect(JSON.parse(telegramDriver.render(message, { botToken: 't', chatId: '1' }, 'en').body).text).toContain('<b>Negative &lt;review&gt;</b>\n\nWaited *3* hours &amp; left');
    expect(emailDriver.render(message, { to: ['a@b.test'] }, 'en')).toMatchObject({
      subject: 'Negative <review>',
      text: 'Negative <review>\n\nWaited *3* hours & left\n\nhttp://verity.test/alerts\n',
    });
  });

  test('sign DingTalk and webhook requests over their timestamps', () => {
    const ding = new URL(renderDingtalk({ url: 'https://oapi.example/robot/send?access_token=t', secret: 'SEC1' }, message, 'en', 1_700_000_000_000).url);
    expect(ding.searchParams.get('sign')).toBe(createHmac('sha256', 'SEC1').update('1700000000000\nSEC1').digest('base64'));
    const hook = renderWebhook({ url: 'https://hooks.example/x', secret: 'webhook-secret' }, message, 1_700_000_000);
    expect(hook.headers['x-verity-signature']).toBe(`sha256=${createHmac('sha256', 'webhook-secret').update(`1700000000.${hook.body}`).digest('hex')}`);
  });
});
