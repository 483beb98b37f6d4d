import { expect, test } from 'vitest';
import { LOCALES } from '../core/i18n.ts';
import { checkBrandVoice } from './brand-voice-check.ts';
import { localizeCheck } from './findings.ts';
import { checkPrivacy } from './privacy-check.ts';
import { repliesMessages } from './replies.messages.ts';
import { FINDING_CODES } from './replies.vocab.ts';

test('gives every finding a code whose English message is its reason', () => {
  const findings = checkPrivacy('We looked into your visit on March 3.').findings;
  expect(findings.map((f) => f.code)).toEqual(['confirms_patient', 'date']);
  for (const f of findings) expect(repliesMessages.render('en', `finding.${f.code}`)).toBe(f.reason);
  const long = checkBrandVoice('x'.repeat(40), 'en', { requiredPhrases: { zh: [], ru: [], en: [] }, bannedWords: [], maxLength: 30 }).findings[0]!;
  expect(long).toMatchObject({ code: 'too_long', params: { max: '30' }, reason: 'longer than 30 characters' });
});

test('renders the reasons in the reader’s language, keeping words and spans', () => {
  const result = checkPrivacy('Ваш диагноз подтверждён.');
  const ru = localizeCheck('ru', result);
  expect(ru.findings[0]).toMatchObject({ term: 'Ваш диагноз', span: result.findings[0]!.span, code: 'confirms_patient', reason: 'подтверждает, что автор был пациентом' });
  expect(localizeCheck('zh-CN', checkBrandVoice('x'.repeat(40), 'en', { requiredPhrases: { zh: [], ru: [], en: [] }, bannedWords: [], maxLength: 30 })).findings[0]!.reason).toBe('超过 30 个字符');
});

test('reads the code of a finding stored before findings had codes from its English reason', () => {
  const stored = {
    ok: false,
    findings: [
      { span: [0, 4] as [number, number], term: 'Dr. X', reason: 'names a staff member' },
      { span: [5, 9] as [number, number], term: 'xxxx', reason: 'longer than 12 characters' },
    ],
  };
  expect(localizeCheck('ru', stored).findings.map((f) => [f.code, f.reason])).toEqual([
    ['staff_name', 'называет сотрудника по имени'],
    ['too_long', 'длиннее 12 символов'],
  ]);
});

test('has a message for every finding code in every language', () => {
  for (const locale of LOCALES) for (const code of FINDING_CODES) expect(repliesMessages.render(locale, `finding.${code}`, { max: '1' })).not.toMatch(/^replies\./);
});
