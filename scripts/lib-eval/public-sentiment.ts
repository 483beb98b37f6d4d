// `npm run eval` section: sentiment on the public sets' fixed dev splits, ours vs the JS peers.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashString, isDevId, readLabelledData, type LabelledText } from '../../src/analysis/training-data.ts';
import { getSentimentModels, scoreTokens } from '../../src/analysis/sentiment.ts';
import { prepareText, tokenizeChinese } from '../../src/analysis/tokenize.ts';
import { analysisLanguage, toSimplified } from '../../src/analysis/text.ts';
import { SENTIMENT_LABELS, type SentimentLabel } from '../../src/analysis/sentiment-model.ts';
import { createPeers } from '../lib-analysis/peers.ts';
import { labelScores, type EvalSection } from './metrics.ts';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dataDir = process.env.VERITY_TRAINING_DATA ?? resolve(repoRoot, '../shared/data');
const MAX_DEV = Number(process.env.VERITY_EVAL_MAX ?? 2000);
// multilang-sentiment fuzzy-matches every short text (~50 ms each), so the head-to-head runs on a
// smaller fixed subsample per set to keep eval CI-sized; ours is also reported on the larger one.
const MAX_COMPARE = Number(process.env.VERITY_EVAL_COMPARE_MAX ?? 200);

interface Metrics {
  accuracy: number;
  macroF1: number;
}

function metrics(gold: SentimentLabel[], predicted: SentimentLabel[], labels: SentimentLabel[]): Metrics {
  const { accuracy, macroF1 } = labelScores(gold, predicted, labels);
  return { accuracy, macroF1 };
}

/** Public sets: ours on each dev split (at most MAX_DEV rows) and head-to-head with every peer on a fixed subsample. */
export async function evalPublicSentiment(): Promise<EvalSection> {
  const lines: string[] = [];
  const figures: EvalSection['figures'] = {};
  const log = (line: string) => lines.push(line);
  const rows = readLabelledData(dataDir);
  const { models, manifest } = getSentimentModels();
  const peers = await createPeers();
  const byDataset = new Map<string, LabelledText[]>();
  for (const row of rows) {
    const key = `${row.lang}/${row.dataset}`;
    const list = byDataset.get(key);
    if (list) list.push(row);
    else byDataset.set(key, [row]);
  }

  log(`model ${manifest.version}; dev split = ids with hash % 10 == 0 (fixed); at most ${MAX_DEV} dev rows per set, chosen by a seeded hash of the id.`);
  log("Peer mappings to three classes (on binary sets a peer's neutral/zero score becomes the set's majority training class; ours picks the likelier of the two labels):");
  for (const peer of peers) log(`  ${peer.name}: ${peer.mapping}`);

  const results: Record<string, unknown>[] = [];
  let oursBeatsAll = true;
  for (const [key, all] of [...byDataset].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const lang = analysisLanguage(all[0]!.lang);
    const model = models.get(lang);
    if (!model) continue;
    let dev = all.filter((row) => isDevId(row.id));
    const devSize = dev.length;
    // Seeded order (hash of id) so that every subsample below is a fixed, unbiased draw.
    dev = dev.sort((a, b) => hashString(`eval:${a.id}`) - hashString(`eval:${b.id}`)).slice(0, MAX_DEV);
    const labels = SENTIMENT_LABELS.filter((label) => all.some((row) => row.label === label));
    const isBinary = !labels.includes('neutral');
    const trainCounts = new Map<SentimentLabel, number>();
    for (const row of all) if (!isDevId(row.id)) trainCounts.set(row.label, (trainCounts.get(row.label) ?? 0) + 1);
    const majority = [...trainCounts].sort((a, b) => b[1] - a[1])[0]![0];
    const gold = dev.map((row) => row.label);

    const ours = dev.map((row) => {
      const prepared = prepareText(row.text, lang);
      const result = scoreTokens(model, prepared.tokens, 0, prepared.tokens.length, prepared.simplified);
      if (isBinary) return result.probabilities[2] >= result.probabilities[0] ? 'positive' : 'negative';
      const [negative, neutral, positive] = result.probabilities;
      return positive >= negative && positive >= neutral ? 'positive' : negative >= neutral ? 'negative' : 'neutral';
    }) as SentimentLabel[];
    const ourFullMetrics = metrics(gold, ours, labels);
    const compare = dev.slice(0, MAX_COMPARE);
    const compareGold = gold.slice(0, MAX_COMPARE);
    const ourMetrics = metrics(compareGold, ours.slice(0, MAX_COMPARE), labels);
    const peerMetrics: Record<string, Metrics> = {};
    for (const peer of peers) {
      if (!peer.supports(lang)) continue;
      const predicted: SentimentLabel[] = [];
      for (const row of compare) {
        const zhTokens = lang === 'zh' ? tokenizeChinese(toSimplified(row.text)).map((token) => token.norm) : null;
        const score = (await peer.score(row.text, lang, zhTokens)) ?? 0;
        const label: SentimentLabel = score > peer.high ? 'positive' : score < peer.low ? 'negative' : 'neutral';
        predicted.push(isBinary && label === 'neutral' ? majority : label);
      }
      peerMetrics[peer.name] = metrics(compareGold, predicted, labels);
      if (peerMetrics[peer.name]!.macroF1 >= ourMetrics.macroF1 || peerMetrics[peer.name]!.accuracy >= ourMetrics.accuracy) oursBeatsAll = false;
    }
    const sample = dev.length < devSize ? ` (subsample ${dev.length} of ${devSize})` : '';
    log(`\n${key}: labels ${labels.join('/')}; verity on ${dev.length} dev rows${sample}: acc ${ourFullMetrics.accuracy.toFixed(3)}  macro-F1 ${ourFullMetrics.macroF1.toFixed(3)}`);
    log(`  head-to-head on the first ${compare.length} of them:`);
    log(`  ${'verity'.padEnd(24)} acc ${ourMetrics.accuracy.toFixed(3)}  macro-F1 ${ourMetrics.macroF1.toFixed(3)}`);
    for (const [name, value] of Object.entries(peerMetrics)) {
      log(`  ${name.padEnd(24)} acc ${value.accuracy.toFixed(3)}  macro-F1 ${value.macroF1.toFixed(3)}`);
    }
    figures[`public.${key}.macroF1`] = ourFullMetrics.macroF1;
    results.push({ lang, dataset: key.split('/')[1], devSize, devRows: dev.length, oursOnDevRows: ourFullMetrics, compareRows: compare.length, ours: ourMetrics, peers: peerMetrics });
  }
  log(`\nours beats every peer on every set: ${oursBeatsAll}`);
  figures['public.oursBeatsAllPeers'] = oursBeatsAll ? 1 : 0;
  return { title: `Sentiment on the public sets (model ${manifest.version})`, lines, figures };
}
