import { expect, test } from 'vitest';
import { LOCALES, messageCodes, renderText } from '../core/i18n.ts';
import { actionLabel } from './action-label.ts';
import { auditMessages } from './audit.messages.ts';
import { AUDIT_ACTIONS } from './audit.vocab.ts';

const ACTION_PREFIX = `${auditMessages.namespace}.action.`;

test('names every audit action in every language', () => {
  for (const action of AUDIT_ACTIONS) {
    const code = `${ACTION_PREFIX}${action}`;
    expect(messageCodes(), code).toContain(code);
    for (const locale of LOCALES) {
      const name = renderText(locale, { code });
      expect(name, `${code} in ${locale}`).not.toBe(code);
      expect(name.trim(), `${code} in ${locale}`).not.toBe('');
    }
  }
});

test('names no audit action that the list lacks', () => {
  const named = messageCodes()
    .filter((code) => code.startsWith(ACTION_PREFIX))
    .map((code) => code.slice(ACTION_PREFIX.length));
  expect(named.sort()).toEqual([...AUDIT_ACTIONS].sort());
});

test('labels an action in the reader language and an unknown one by its id', () => {
  expect(actionLabel('en', 'auth.login')).toBe('Signed in');
  expect(actionLabel('ru', 'auth.login')).toBe('Вход в систему');
  expect(actionLabel('zh-CN', 'auth.login')).toBe('登录');
  expect(actionLabel('ru', 'retired.action')).toBe('retired.action');
});
