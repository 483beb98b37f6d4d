// `npm run eval`: every figure of the analysis in one run — the clinic dev set (sentiment, risks,
// aspects, staff, language) and the public sets' fixed dev splits with the JS peers. Each section
// lives in scripts/lib-eval/; the last line is one JSON object of every figure.
import { analysedClinicDev, round4, type EvalSection } from './lib-eval/metrics.ts';
import { evalClinicSentiment } from './lib-eval/clinic-sentiment.ts';
import { evalClinicRisks } from './lib-eval/clinic-risks.ts';
import { evalAspects } from './lib-eval/aspects.ts';
import { evalClinicStaff } from './lib-eval/clinic-staff.ts';
import { evalPublicSentiment } from './lib-eval/public-sentiment.ts';

function evalLanguage(): EvalSection {
  const pairs = analysedClinicDev();
  const correct = pairs.filter((p) => p.analysis.lang === p.row.lang).length;
  const accuracy = pairs.length ? round4(correct / pairs.length) : null;
  return { title: 'Language on the clinic dev set', lines: [`accuracy ${accuracy ?? '–'} (${correct} of ${pairs.length})`], figures: { 'clinic.language.accuracy': accuracy } };
}

const only = process.env.VERITY_EVAL_ONLY?.split(',');
const sections: [string, () => EvalSection | Promise<EvalSection>][] = [
  ['sentiment', evalClinicSentiment],
  ['risks', evalClinicRisks],
  ['aspects', evalAspects],
  ['staff', evalClinicStaff],
  ['language', evalLanguage],
  ['public', evalPublicSentiment],
];
const started = performance.now();
const figures: Record<string, number | null> = {};
for (const [name, run] of sections) {
  if (only && !only.includes(name)) continue;
  const section = await run();
  console.log(`\n## ${section.title}`);
  for (const line of section.lines) console.log(line);
  Object.assign(figures, section.figures);
}
console.log(`\nevaluated in ${((performance.now() - started) / 1000).toFixed(1)} s (VERITY_EVAL_ONLY=${sections.map(([n]) => n).join(',')} picks sections)`);
console.log(JSON.stringify(figures));
