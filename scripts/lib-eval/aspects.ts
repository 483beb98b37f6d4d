// `npm run eval` section: aspects (names, micro-F1) on the clinic dev set.
import { analysedClinicDev, setScores, type EvalSection } from './metrics.ts';

export function evalAspects(): EvalSection {
  const pairs = analysedClinicDev();
  const clinic = setScores(
    pairs.map((p) => p.row.aspects.map((a) => a.aspect)),
    pairs.map((p) => p.analysis.aspects.map((a) => a.aspect)),
  );
  return {
    title: 'Aspects',
    lines: [`clinic dev: micro-F1 ${clinic.f1.toFixed(3)}  recall ${clinic.recall.toFixed(3)}  precision ${clinic.precision.toFixed(3)}`],
    figures: { 'clinic.aspects.microF1': pairs.length ? clinic.f1 : null },
  };
}
