// `npm run eval` section: staff named, per mention and roster id, on the clinic dev set.
import { analysedClinicDev, setScores, type EvalSection } from './metrics.ts';
import { isFirmStaffMatch } from '../../src/analysis/match-staff.ts';

/**
 * Every reported id counts (an ambiguous name is labelled with every person it fits, as the
 * matcher reports it); the firm figures count only what enters `mentions.staff_ids`.
 */
export function evalClinicStaff(): EvalSection {
  const pairs = analysedClinicDev();
  const gold = pairs.map((p) => p.row.staff);
  const s = setScores(
    gold,
    pairs.map((p) => p.analysis.staff.map((m) => m.id)),
  );
  const firm = setScores(
    gold,
    pairs.map((p) => p.analysis.staff.filter(isFirmStaffMatch).map((m) => m.id)),
  );
  const ambiguous = pairs.filter((p) => p.analysis.staff.some((m) => m.candidates && m.candidates.length > 0)).length;
  const goldAmbiguous = pairs.filter((p) => p.row.tags?.includes('ambiguous_staff')).length;
  return {
    title: 'Staff on the clinic dev set',
    lines: [
      `F1 ${s.f1.toFixed(3)}  recall ${s.recall.toFixed(3)}  precision ${s.precision.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
      `firm matches only (mentions.staff_ids): precision ${firm.precision.toFixed(3)}  recall ${firm.recall.toFixed(3)}`,
      `ambiguous: ${ambiguous} mentions reported with candidates (${goldAmbiguous} labelled ambiguous_staff)`,
    ],
    figures: {
      'clinic.staff.f1': pairs.length ? s.f1 : null,
      'clinic.staff.precision': pairs.length ? s.precision : null,
      'clinic.staff.recall': pairs.length ? s.recall : null,
      'clinic.staff.firm_precision': pairs.length ? firm.precision : null,
      'clinic.staff.ambiguous': pairs.length ? ambiguous : null,
    },
  };
}
