import { expect, test } from 'vitest';
import { createAnalyser } from './create-analyser.ts';
import { decodeRiskModel, encodeWeights, getRiskModel, untrainedRiskModel } from './risk-confidence.ts';

const analyser = createAnalyser();
const riskOf = (text: string, rating: number | null, risk: string) => analyser.analyse({ text, rating }).risks.find((r) => r.risk === risk);

test('a 4-star note that the instructions were written down opens nothing: no medical error is listed', () => {
  expect(riskOf('用药方法写在纸上给我，回家也不会弄错', 4, 'medical_error')).toBeUndefined();
});

test('a clear complaint of a medical error is above the Major threshold, with or without stars', () => {
  const { majorThreshold } = getRiskModel();
  const text = 'They gave my mother the wrong medication and she ended up in hospital. This is negligence.';
  expect(riskOf(text, 1, 'medical_error')!.confidence).toBeGreaterThanOrEqual(majorThreshold);
  expect(riskOf(text, null, 'medical_error')!.confidence).toBeGreaterThanOrEqual(majorThreshold);
  expect(riskOf('Врачебная ошибка: перепутали анализы, маме стало плохо, подаю в суд.', null, 'medical_error')!.confidence).toBeGreaterThanOrEqual(majorThreshold);
});

test('a name that is also a cue ("Sue at reception") in a 5-star review is no legal threat', () => {
  expect(riskOf('Sue at reception was lovely and found me a slot today.', 5, 'legal_threat')).toBeUndefined();
});

test('corrections: the dismissed mention stays dismissed and the same cue elsewhere counts for less', () => {
  const text = 'I have spoken to my lawyer about this and we will sue the hospital.';
  const before = riskOf(text, null, 'legal_threat')!;
  const corrected = createAnalyser({ riskCorrections: { cues: new Map([[`legal_threat:${before.cue}`, 1]]), mentions: new Set(['m-1:legal_threat']) } });
  const same = corrected.analyse({ id: 'm-1', text }).risks.find((r) => r.risk === 'legal_threat')!;
  const other = corrected.analyse({ id: 'm-2', text }).risks.find((r) => r.risk === 'legal_threat');
  expect(same).toMatchObject({ dismissed: true, corrections: 1 });
  expect(same.confidence).toBeLessThan(before.confidence);
  // Elsewhere the lowered risk is either still listed with less confidence or falls below the reporting threshold.
  if (other) {
    expect(other.dismissed).toBeUndefined();
    expect(other.confidence).toBeLessThan(before.confidence);
  }
});

test('the committed model reports its cross-validated figures and thresholds chosen on the training side', () => {
  const { metrics, majorThreshold, reportThreshold } = getRiskModel();
  expect(majorThreshold).toBeGreaterThanOrEqual(0.5);
  expect(majorThreshold).toBeGreaterThanOrEqual(reportThreshold);
  expect(metrics).toMatchObject({ cv: { reported: { precision: expect.any(Number), recall: expect.any(Number) }, major: { precision: expect.any(Number) } } });
});

test('weights survive the base64 round trip exactly', () => {
  const model = untrainedRiskModel(4);
  const again = decodeRiskModel({ ...model, weights: encodeWeights(model.weights) });
  expect([...again.weights]).toEqual([...model.weights]);
});
