import { describe, expect, test } from 'vitest';
import { isDiscountedCue } from './risks.ts';
import { createAnalyser } from './create-analyser.ts';
import { toSimplified } from './text.ts';
import type { RiskLang } from './risk-confidence.ts';

/** Whether the cue (first occurrence) is discounted in the text, as the risk scan sees it (zh simplified). */
function discounted(text: string, cue: string, lang: RiskLang, risk = 'medical_error'): boolean {
  const haystack = lang === 'zh' ? toSimplified(text) : text;
  const start = haystack.toLowerCase().indexOf(cue.toLowerCase());
  if (start < 0) throw new Error(`cue ${cue} not in ${text}`);
  return isDiscountedCue(haystack, start, start + cue.length, lang, risk);
}

describe('negated, hypothetical, preventive and asked-about cues are discounted', () => {
  test.each([
    ['术后没有感染，恢复很好', '感染', 'zh'],
    ['护士核对了两遍，没出错', '出错', 'zh'],
    ['用药方法写在纸上，回家也不会弄错', '弄错', 'zh'],
    ['万一感染了怎么办', '感染', 'zh'],
    ['如果弄错了药会很危险', '弄错', 'zh'],
    ['拔牙后会不会感染？', '感染', 'zh'],
    ['要是误诊了谁负责', '误诊', 'zh'],
    ['No one made a mistake, every step was checked.', 'mistake', 'en'],
    ['There was no infection at all after the op.', 'infection', 'en'],
    ['What happens if the wound gets an infection?', 'infection', 'en'],
    ['They gave me antibiotics in case of infection.', 'infection', 'en'],
    ['Is there a risk of infection after a filling?', 'infection', 'en'],
    ['Записали на бумажке, чтобы не ошибиться с дозой', 'ошибиться', 'ru'],
    ['Дали таблетки на случай инфекции', 'инфекции', 'ru'],
    ['Никто не ошибся, всё проверили', 'ошибся', 'ru'],
    ['Если будет заражение, приходите сразу', 'заражение', 'ru'],
  ] as const)('%s', (text, cue, lang) => {
    expect(discounted(text, cue, lang)).toBe(true);
  });

  test.each([
    ['笑死了，医生太逗了', '死了', 'zh'],
    ['I was bored to death in that waiting room', 'death', 'en'],
    ['До смерти надоело ждать в очереди', 'смерти', 'ru'],
  ] as const)('idiom, not death: %s', (text, cue, lang) => {
    expect(discounted(text, cue, lang, 'death')).toBe(true);
  });

  test.each([
    ['拔牙以后伤口感染了，发烧三天', '感染', 'zh'],
    ['护士给我打错针，我妈当场过敏', '打错针', 'zh'],
    ['They made a mistake with my dose and I ended up in A&E.', 'mistake', 'en'],
    ['The wound got an infection two days after the operation.', 'infection', 'en'],
    ['Врачи ошиблись с диагнозом, маме стало хуже', 'ошиблись', 'ru'],
    ['После операции пациент умер в реанимации', 'умер', 'ru'],
  ] as const)('a real report is not discounted: %s', (text, cue, lang) => {
    expect(discounted(text, cue, lang, cue === 'умер' ? 'death' : 'medical_error')).toBe(false);
  });
});

describe('detectRisks through the analyser', () => {
  const analyser = createAnalyser();
  const risks = (text: string, rating: number | null = null) => analyser.analyse({ text, rating }).risks.map((r) => r.risk);

  test('negated and hypothetical cues do not list their risk', () => {
    expect(risks('术后没有感染，恢复很好', 5)).not.toContain('infection');
    expect(risks('用药方法写在纸上给我，回家也不会弄错。', 4)).not.toContain('medical_error');
    expect(risks('Nobody made a mistake, everything was double-checked.', 5)).not.toContain('medical_error');
    expect(risks('Дали памятку, чтобы не ошибиться с приёмом таблеток.', 5)).not.toContain('medical_error');
  });

  test('an idiom is not a death', () => {
    expect(risks('排队等到死，笑死了', 3)).not.toContain('death');
  });

  test('every listed risk carries its evidence span inside the text and a confidence at or above the reporting threshold', () => {
    const text = '我妈在这里被打错针，过敏进了抢救室，我们已经找了律师';
    const result = analyser.analyse({ text });
    expect(result.risks.length).toBeGreaterThan(0);
    for (const risk of result.risks) {
      expect(risk.span[0]).toBeGreaterThanOrEqual(0);
      expect(risk.span[1]).toBeLessThanOrEqual(text.length);
      expect(risk.span[1]).toBeGreaterThan(risk.span[0]);
      expect(risk.cue.length).toBeGreaterThan(0);
    }
    expect(result.risks.map((r) => r.risk)).toContain('legal_threat');
  });
});
