// `npm run eval` section: aspects (names, micro-F1) on the clinic dev set and on the NHS patient
// experience set's fixed held-out split (isDevId), where only seven aspects are labelled.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyser } from '../../src/analysis/index.ts';
import { isDevId } from '../../src/analysis/training-data.ts';
import { NHS_LABELLED_ASPECTS } from '../../src/analysis/train-aspects.ts';
import { analysedClinicDev, setScores, type EvalSection } from './metrics.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');

type Scores = ReturnType<typeof setScores>;
const line = (name: string, s: Scores): string => `${name}: micro-F1 ${s.f1.toFixed(3)}  recall ${s.recall.toFixed(3)}  precision ${s.precision.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

/** The NHS set's held-out rows with their gold aspects and the analyser's, or null without the data. */
function nhsHeldOut(): { gold: string[][]; predicted: string[][] } | null {
  const path = resolve(dataDir, 'en/nhs_patient_experience.train.jsonl');
  if (!existsSync(path)) return null;
  const analyser = createAnalyser();
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const text of readFileSync(path, 'utf8').split('\n')) {
    if (!text.trim()) continue;
    const row = JSON.parse(text) as { id: string | number; text: string; aspects?: string[] };
    if (!isDevId(String(row.id)) || typeof row.text !== 'string' || !row.text.trim()) continue;
    gold.push(row.aspects ?? []);
    predicted.push(analyser.analyse({ text: row.text, lang: 'en' }).aspects.map((a) => a.aspect));
  }
  return { gold, predicted };
}

export function evalAspects(): EvalSection {
  const pairs = analysedClinicDev();
  const clinic = setScores(
    pairs.map((p) => p.row.aspects.map((a) => a.aspect)),
    pairs.map((p) => p.analysis.aspects.map((a) => a.aspect)),
  );
  // Polarity agreement on the aspects both sides name.
  let named = 0;
  let agreed = 0;
  for (const p of pairs)
    for (const a of p.analysis.aspects) {
      const gold = p.row.aspects.find((g) => g.aspect === a.aspect);
      if (!gold) continue;
      named++;
      if (gold.polarity === a.polarity) agreed++;
    }
  const lines = [line('clinic dev', clinic), `clinic dev polarity agreement on matched aspects: ${named ? (agreed / named).toFixed(3) : '–'} (${agreed} of ${named})`];
  const figures: Record<string, number | null> = { 'clinic.aspects.microF1': pairs.length ? clinic.f1 : null };
  const nhs = nhsHeldOut();
  if (nhs) {
    const all = setScores(nhs.gold, nhs.predicted);
    const labelled = new Set<string>(NHS_LABELLED_ASPECTS);
    const seven = setScores(
      nhs.gold,
      nhs.predicted.map((p) => p.filter((a) => labelled.has(a))),
    );
    lines.push(line(`NHS held-out (${nhs.gold.length} texts), the 7 labelled aspects`, seven), line('NHS held-out, every predicted aspect', all));
    figures['nhs.aspects.microF1'] = seven.f1;
    figures['nhs.aspects.microF1.allPredicted'] = all.f1;
  } else figures['nhs.aspects.microF1'] = null;
  return { title: 'Aspects', lines, figures };
}
