import { expect, test } from 'vitest';
import { checkBrandVoice } from './brand-voice-check.ts';
import { checkPrivacy } from './privacy-check.ts';

const blocked: [string, string, string][] = [
  ['en', 'We looked into your visit on March 3 and are sorry.', 'your visit'],
  ['en', 'We hope your surgery went well otherwise.', 'your surgery'],
  ['en', 'As your doctor Dr. Wang explained, this is normal.', 'As your doctor'],
  ['en', 'Dr. Wang will call you back.', 'Dr. Wang'],
  ['en', 'The biopsy result takes a week.', 'biopsy'],
  ['en', 'Our records show you came twice.', 'Our records show'],
  ['en', 'We apologise for the delay on 5 March.', '5 March'],
  ['zh', '关于您的手术，我们深表歉意。', '您的手术'],
  ['zh', '您3月5日就诊时的等待时间过长。', '您3月5日就诊'],
  ['zh', '您的诊断没有问题。', '您的诊断'],
  ['zh', '王医生会联系您。', '王医生'],
  ['ru', 'Ваш диагноз подтверждён.', 'Ваш диагноз'],
  ['ru', 'Ваша операция прошла успешно.', 'Ваша операция'],
  ['ru', 'Мы сожалеем о том, что произошло во время вашего визита 5 марта.', 'вашего визита'],
  ['ru', 'Доктор Иванов свяжется с вами.', 'Доктор Иванов'],
  ['en', 'Our internal investigation found the receptionist was at fault.', 'internal investigation'],
  ['en', 'The nurse has been suspended.', 'has been suspended'],
  ['zh', '涉事护士已被停职。', '停职'],
  ['zh', '我们查看了监控录像。', '监控录像'],
  ['ru', 'Служебная проверка показала нарушение.', 'Служебная проверка'],
  ['ru', 'Сотрудник уволен.', 'уволен'],
];

test.each(blocked)('blocks a %s draft that says “%s”', (_lang, text, term) => {
  const result = checkPrivacy(text);
  expect(result.ok).toBe(false);
  const finding = result.findings.find((f) => f.term === term);
  expect(finding, JSON.stringify(result.findings)).toBeDefined();
  expect(text.slice(finding!.span[0], finding!.span[1])).toBe(term);
  expect(finding!.reason).toEqual(expect.any(String));
});

test('names the date in a visit date as well as the visit', () => {
  const text = 'We looked into your visit on March 3.';
  const findings = checkPrivacy(text).findings;
  expect(findings.map((f) => [f.term, f.reason])).toEqual([
    ['your visit', 'confirms the author was a patient'],
    ['March 3', 'discloses a date, such as the date of a visit'],
  ]);
});

test('finds the date in a Russian visit reference', () => {
  const findings = checkPrivacy('во время вашего визита 5 марта').findings;
  expect(findings.map((f) => f.term)).toEqual(['вашего визита', '5 марта']);
});

test('blocks names from the staff roster, including aliases', () => {
  const roster = [{ name: 'Li Na', aliases: ['李娜'] }];
  const result = checkPrivacy('Please ask for Li Na, or 李娜 at the desk.', roster);
  expect(result.findings.map((f) => [f.term, f.span])).toEqual([
    ['Li Na', [15, 20]],
    ['李娜', [25, 27]],
  ]);
});

test.each([
  ['en', "We're sorry to hear this. Please contact our patient service team at 400-123-4567 so we can look into it."],
  ['zh', '非常抱歉给您带来不好的体验。请联系我们的患者服务团队，以便我们进一步了解情况。'],
  ['ru', 'Нам очень жаль это слышать. Пожалуйста, свяжитесь со службой заботы о пациентах, чтобы мы могли во всём разобраться.'],
])('passes a good %s draft', (_lang, text) => {
  expect(checkPrivacy(text)).toEqual({ ok: true, findings: [] });
});

test('reports missing required phrases, banned words, exclamation marks and length', () => {
  const rules = { requiredPhrases: { zh: [], ru: [], en: ['patient service team'] }, bannedWords: ['cheap'], maxLength: 30, noExclamation: true };
  const result = checkBrandVoice('Sorry! We are not cheap at all, honestly.', 'en', rules);
  expect(result.ok).toBe(false);
  expect(result.findings.map((f) => f.reason)).toEqual(['a required phrase is missing', 'exclamation marks are not our tone', 'a banned word', 'longer than 30 characters']);
  expect(result.findings[2]!.span).toEqual([18, 23]);
});

test('passes a draft that follows the brand voice', () => {
  const rules = { requiredPhrases: { zh: ['患者服务'], ru: [], en: [] }, bannedWords: ['便宜'], noExclamation: true };
  expect(checkBrandVoice('请联系我们的患者服务团队。', 'zh', rules)).toEqual({ ok: true, findings: [] });
});

test('does not read a CT scan into an upper-case word', () => {
  expect(checkPrivacy('PLEASE CONTACT OUR TEAM.').ok).toBe(true);
  expect(checkPrivacy('做了CT以后').findings.map((f) => f.term)).toEqual(['CT']);
});
