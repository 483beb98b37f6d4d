import { expect, test } from 'vitest';
import { createAnalyser } from './create-analyser.ts';
import { getRiskModel } from './risk-confidence.ts';

const analyser = createAnalyser();
const riskOf = (text: string, rating: number | null, risk: string) => analyser.analyse({ text, rating }).risks.find((r) => r.risk === risk);

test('a 4-star note that the instructions were written down is a weak medical-error signal, far below the Major threshold', () => {
  const { majorThreshold } = getRiskModel();
  const hit = riskOf('用药方法写在纸上给我，回家也不会弄错', 4, 'medical_error');
  expect(hit).toMatchObject({ cue: '弄错' });
  expect(hit!.confidence).toBeLessThan(majorThreshold / 4);
});

test('a clear complaint of a medical error is above the Major threshold, with or without stars', () => {
  const { majorThreshold } = getRiskModel();
  const text = 'They gave my mother the wrong medication and she ended up in hospital. This is negligence.';
  expect(riskOf(text, 1, 'medical_error')!.confidence).toBeGreaterThan(majorThreshold);
  expect(riskOf(text, null, 'medical_error')!.confidence).toBeGreaterThan(majorThreshold);
  expect(riskOf('Врачебная ошибка: перепутали анализы, маме стало плохо, подаю в суд.', null, 'medical_error')!.confidence).toBeGreaterThan(majorThreshold);
});

test('a name that is also a cue ("Sue at reception") in a 5-star review is no legal threat', () => {
  expect(riskOf('Sue at reception was lovely and found me a slot today.', 5, 'legal_threat')!.confidence).toBeLessThan(0.1);
});

test('corrections: the dismissed mention stays dismissed and the same cue elsewhere counts for less', () => {
  const text = 'I have spoken to my lawyer about this and we will sue the hospital.';
  const before = riskOf(text, null, 'legal_threat')!;
  const corrected = createAnalyser({ riskCorrections: { cues: new Map([[`legal_threat:${before.cue}`, 1]]), mentions: new Set(['m-1:legal_threat']) } });
  const same = corrected.analyse({ id: 'm-1', text }).risks.find((r) => r.risk === 'legal_threat')!;
  const other = corrected.analyse({ id: 'm-2', text }).risks.find((r) => r.risk === 'legal_threat')!;
  expect(same).toMatchObject({ dismissed: true, corrections: 1 });
  expect(other.dismissed).toBeUndefined();
  expect(other.confidence).toBeLessThan(before.confidence);
});

test('the committed model reports its held-out precision and recall', () => {
  const { metrics, majorThreshold } = getRiskModel();
  expect(majorThreshold).toBeGreaterThanOrEqual(0.5);
  expect(metrics).toMatchObject({ heldOut: { precision: expect.any(Number), recall: expect.any(Number) } });
});
