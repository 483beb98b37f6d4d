import { expect, test } from 'vitest';
import { renderAuditDetails, valueText } from './audit-details.ts';

test('renders a case status change before → after with the case, in each language', () => {
  const details = { case: '#12', before: { status: 'new' }, after: { status: 'handling' }, reason: 'called the patient' };
  expect(renderAuditDetails('en', 'case.status', details)).toEqual([
    { field: 'Case', value: '#12' },
    { field: 'Status', before: 'new', after: 'handling' },
    { field: 'Reason', value: 'called the patient' },
  ]);
  const ru = renderAuditDetails('ru', 'case.status', details);
  expect(ru[1]!.field).toBe('Статус');
  expect(ru[1]!.before).toBe('новое');
  expect(ru[1]!.after).not.toMatch(/[a-z]/);
  const zh = renderAuditDetails('zh-CN', 'case.status', details);
  expect(zh.map((l) => l.field)).toEqual(['案件', '状态', '原因']);
  expect(
    zh
      .slice(1)
      .flatMap((l) => [l.before, l.after, l.value])
      .filter((v) => v !== undefined && v !== 'called the patient'),
  ).not.toContainEqual(expect.stringMatching(/[a-z]/));
});

test('translates closed-list codes by the area of the action: reply status and kind, tier, mention status, roles, booleans', () => {
  const reply = renderAuditDetails('ru', 'reply.approved', {
    case: '#3',
    kind: 'public',
    author: 'Анна',
    before: { status: 'ready', caseStatus: 'new' },
    after: { status: 'approved', caseStatus: 'handling' },
  });
  for (const line of reply) for (const v of [line.value, line.before, line.after]) if (v !== undefined && line.field !== 'Обращение') expect(v).not.toMatch(/[a-z]/);
  expect(reply.find((l) => l.field === 'Автор')).toEqual({ field: 'Автор', value: 'Анна' });
  expect(renderAuditDetails('en', 'case.opened', { case: '#1', after: { tier: 'major', status: 'new', team: 'Patient service', assignee: 'Olga' }, mentions: 2 })).toEqual([
    { field: 'Case', value: '#1' },
    { field: 'Tier', after: 'major' },
    { field: 'Status', after: 'new' },
    { field: 'Team', after: 'Patient service' },
    { field: 'Assignee', after: 'Olga' },
    { field: 'Mentions', value: '2' },
  ]);
  expect(renderAuditDetails('en', 'mention.status', { from: 'new', to: 'dismissed' }).map((l) => l.value)).not.toContain('dismissed');
  expect(renderAuditDetails('zh-CN', 'user.create', { email: 'a@b.c', role: 'service' })).toEqual([
    { field: '邮箱', value: 'a@b.c' },
    { field: '角色', value: '客服' },
  ]);
  expect(renderAuditDetails('en', 'reply.settings', { before: { fourEyes: true }, after: { fourEyes: false } })).toEqual([{ field: 'Four-eyes approval', before: 'yes', after: 'no' }]);
});

test('never shows JSON or an empty object: nothing for {}, words for unknown keys, nested values as field: value', () => {
  expect(renderAuditDetails('en', 'auth.login', {})).toEqual([]);
  expect(renderAuditDetails('en', 'auth.login', null)).toEqual([]);
  const lines = renderAuditDetails('ru', 'alert_rule.update', { fields: ['name', 'cooldownMinutes'], someNewThing: { firstSeen: 3 } });
  expect(lines[0]).toEqual({ field: 'Изменено', value: 'Название, Пауза (минуты)' });
  expect(lines[1]!.field).toBe('some new thing');
  expect(lines[1]!.value).toBe('first seen: 3');
  for (const line of lines) expect(line.value).not.toMatch(/[{}]/);
  expect(renderAuditDetails('en', 'case.assigned', { before: { assignee: null }, after: { assignee: 'Olga' } })).toEqual([{ field: 'Assignee', before: '—', after: 'Olga' }]);
});

test('formats numbers in the reader’s locale and leaves words people wrote as they are', () => {
  expect(valueText('ru', 'import.file', 'accepted', 12345)).toBe(new Intl.NumberFormat('ru').format(12345));
  expect(valueText('en', 'case.closed', 'rootCause', 'Long queue at reception')).toBe('Long queue at reception');
  expect(valueText('ru', 'case.closed', 'rootCause', 'Waiting-time process')).not.toBe('Waiting-time process');
  expect(valueText('en', 'alert_channel.create', 'kind', 'in_app')).toBe('in the app');
});
