// `npm run eval` section: staff named, per mention and roster id, on the clinic dev set.
import { analysedClinicDev, setScores, type EvalSection } from './metrics.ts';

export function evalClinicStaff(): EvalSection {
  const pairs = analysedClinicDev();
  const s = setScores(
    pairs.map((p) => p.row.staff),
    pairs.map((p) => p.analysis.staff.map((m) => m.id)),
  );
  return {
    title: 'Staff on the clinic dev set',
    lines: [`F1 ${s.f1.toFixed(3)}  recall ${s.recall.toFixed(3)}  precision ${s.precision.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`],
    figures: { 'clinic.staff.f1': pairs.length ? s.f1 : null },
  };
}
