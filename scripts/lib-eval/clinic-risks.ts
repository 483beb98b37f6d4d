// `npm run eval` section: risks on the clinic dev set, per mention and risk.
import { RISKS } from '../../src/analysis/analysis.vocab.ts';
import { getRiskModel } from '../../src/analysis/risk-confidence.ts';
import { analysedClinicDev, setScores, type EvalSection } from './metrics.ts';

export function evalClinicRisks(): EvalSection {
  const model = getRiskModel();
  const pairs = analysedClinicDev();
  const gold = pairs.map((p) => p.row.risks);
  const reported = pairs.map((p) => p.analysis.risks.filter((r) => !r.dismissed).map((r) => r.risk));
  const major = pairs.map((p) => p.analysis.risks.filter((r) => !r.dismissed && r.confidence >= p.analysis.riskThreshold).map((r) => r.risk));
  const all = setScores(gold, reported);
  const atThreshold = setScores(gold, major);
  const lines = [
    `reported risks: recall ${all.recall.toFixed(3)}  precision ${all.precision.toFixed(3)}  F1 ${all.f1.toFixed(3)} (tp ${all.tp}, fp ${all.fp}, fn ${all.fn})`,
    `at the Major-case threshold: recall ${atThreshold.recall.toFixed(3)}  precision ${atThreshold.precision.toFixed(3)}`,
    `thresholds (chosen on training-side cross-validation): reporting ${model.reportThreshold}, Major ${model.majorThreshold}`,
  ];
  const perRisk: Record<string, number | null> = {};
  for (const risk of RISKS) {
    const s = setScores(
      gold.map((g) => g.filter((r) => r === risk)),
      reported.map((g) => g.filter((r) => r === risk)),
    );
    if (s.tp + s.fn + s.fp > 0) lines.push(`  ${risk.padEnd(16)} ${s.tp}/${s.tp + s.fn} found, ${s.fp} false`);
    perRisk[`clinic.risk.recall.${risk}`] = s.tp + s.fn > 0 ? s.recall : null;
  }
  const any = pairs.length > 0;
  return {
    title: `Risks on the clinic dev set (${pairs.length} texts, ${gold.flat().length} risks)`,
    lines,
    figures: {
      'clinic.risk.recall': any ? all.recall : null,
      'clinic.risk.precision': any ? all.precision : null,
      'clinic.risk.majorRecall': any ? atThreshold.recall : null,
      'clinic.risk.majorPrecision': any ? atThreshold.precision : null,
      'clinic.risk.reportThreshold': model.reportThreshold,
      'clinic.risk.majorThreshold': model.majorThreshold,
      ...(any ? perRisk : {}),
    },
  };
}
