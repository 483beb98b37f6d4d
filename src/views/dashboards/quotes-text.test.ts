import { describe, expect, test } from 'vitest';
import { personalSpans, QUOTE_MAX, quoteSpan, quoteText, type MaskContext } from './quotes-text.ts';

const none: MaskContext = { staffSpans: [], rosterNames: [], author: null };

/** The quote of the first occurrence of `words` in `text`, masked. */
function quote(text: string, words: string, context: MaskContext = none, after = 0): string {
  const at = text.indexOf(words, after);
  if (at < 0) throw new Error(`no ${words}`);
  return quoteText(text, quoteSpan(text, [at, at + words.length]), personalSpans(text, context)).text;
}

describe('the span', () => {
  test('is the sentence around the aspect', () => {
    expect(quote('医生很好。夜间急诊等了三个小时，没人管！下次不来了。', '等了三个小时')).toBe('夜间急诊等了三个小时，没人管！');
    expect(quote('The doctor was kind. We waited four hours at night emergency. Never again.', 'waited')).toBe('We waited four hours at night emergency.');
    expect(quote('Врач хороший. Ждали в приёмном покое три часа! Больше не придём.', 'Ждали')).toBe('Ждали в приёмном покое три часа!');
  });

  test('a long sentence gives its clause, and a longer clause a window cut on a word (any character in Chinese)', () => {
    const long = `${'The building is old and the corridors are dark and the signs are confusing and nobody at the front desk could tell us where to go'}, and then we waited almost five hours in the emergency room without anyone checking on my father, who was in pain the whole time and kept asking for water and a blanket.`;
    const q = quote(long, 'waited');
    expect(q.length).toBeLessThanOrEqual(QUOTE_MAX + 2);
    expect(q).toContain('waited almost five hours');
    expect(q.startsWith('…')).toBe(true);
    const words = 'we waited for hours and hours and hours without anyone coming to check on us or to tell us anything at all about what was going to happen next in the night';
    const w = quote(`${words} ${words} ${words}`, 'anyone', none, words.length);
    expect(w.length).toBeLessThanOrEqual(QUOTE_MAX + 2);
    expect(w).toMatch(/^…[a-z]/);
    expect(
      w
        .replace(/^…|…$/g, '')
        .split(' ')
        .every((word) => words.includes(word)),
    ).toBe(true);
    const zh = '排队'.repeat(40) + '等了五个小时' + '没有人'.repeat(40);
    const z = quote(zh, '等了五个小时');
    expect(z).toContain('等了五个小时');
    expect(z.length).toBeLessThanOrEqual(QUOTE_MAX + 2);
  });
});

describe('masking', () => {
  test('patients and relatives are masked in Chinese, Russian and English', () => {
    expect(quote('我妈妈李秀英在急诊等了三个小时，王先生也是。', '等了')).toBe('我妈妈***在急诊等了三个小时，***先生也是。');
    expect(quote('患者张伟在走廊里等了一夜。', '等了')).toBe('患者***在走廊里等了一夜。');
    expect(quote('Мою маму, Смирнову Анну Петровну, держали в коридоре всю ночь.', 'держали')).toBe('Мою маму, ***, держали в коридоре всю ночь.');
    expect(quote('Пациентка Иванова ждала три часа, господин Петров тоже.', 'ждала')).toBe('Пациентка *** ждала три часа, господин *** тоже.');
    expect(quote('My mother Anna Brown waited six hours. Mrs. Lee too.', 'waited')).toBe('My mother *** waited six hours.');
    expect(quote('My name is John Carter and I waited all night.', 'waited')).toBe('My name is *** and I waited all night.');
  });

  test('a doctor stays only when on the roster', () => {
    const text = 'Dr. Smith was rude and Dr. Jones ignored us.';
    expect(quote(text, 'rude')).toBe('Dr. *** was rude and Dr. *** ignored us.');
    expect(quote(text, 'rude', { staffSpans: [[0, 9]], rosterNames: [], author: null })).toBe('Dr. Smith was rude and Dr. *** ignored us.');
    expect(quote('王医生态度很差，急诊科医生也不管。', '态度', { staffSpans: [], rosterNames: ['王芳'], author: null })).toBe('***医生态度很差，急诊科医生也不管。');
    expect(quote('王医生态度很差，急诊科医生也不管。', '态度', { staffSpans: [[0, 3]], rosterNames: [], author: null })).toBe('王医生态度很差，急诊科医生也不管。');
    expect(quote('Доктор Кузнецов нагрубил, а врач Орлова помогла.', 'нагрубил', { staffSpans: [], rosterNames: ['Орлова'], author: null })).toBe('Доктор *** нагрубил, а врач Орлова помогла.');
  });

  test('phones, e-mails, ID numbers and the author’s handle are masked', () => {
    expect(quote('打了13812345678十次都没人接，身份证110101199003071234也被登记错了。', '没人接')).toBe('打了***十次都没人接，身份证***也被登记错了。');
    expect(quote('Called +1 (555) 123-4567 all day, wrote to anna.b@example.com, MRN-123456 lost.', 'Called')).toBe('Called *** all day, wrote to ***, *** lost.');
    expect(quote('Я, anna_k, ждала три часа.', 'ждала', { staffSpans: [], rosterNames: [], author: '@anna_k' })).toBe('Я, ***, ждала три часа.');
    expect(quote('Waited 3 hours for 200 dollars.', 'Waited')).toBe('Waited 3 hours for 200 dollars.');
  });
});
