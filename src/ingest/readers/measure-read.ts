/**
 * Benchmark, not a test: writes N CSV rows to a temp file, reads them back with readRecords and
 * reports rows/s and peak RSS. Run: npx tsx src/ingest/readers/measure-read.ts [rows] [--map]
 * (--map also runs inferMapping/mapRecord on every record).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inferMapping, mapRecord, type ColumnMapping } from '../map-record.ts';
import { readRecords } from './read-records.ts';

const rowCount = Number(process.argv[2] ?? 1_000_000);
const isMapping = process.argv.includes('--map');
const directory = await mkdtemp(join(tmpdir(), 'verity-measure-'));
const path = join(directory, 'mentions.csv');

const texts = [
  'The doctor was attentive, but the queue at registration took over an hour',
  '"Nurse was rude; ""come back tomorrow"" she said\nwaiting room was clean"',
  '医生很耐心，挂号排队时间太长了，希望改进',
  'Врач очень внимательный, но очередь длинная',
];
const out = createWriteStream(path);
out.write('id,author,rating,published_at,branch,department,text\n');
for (let i = 0; i < rowCount; i++) {
  const text = texts[i % texts.length]!;
  const quoted = text.startsWith('"') ? text : `"${text}"`;
  const line = `${i},user_${i % 9973},${(i % 5) + 1},2024-03-${String((i % 28) + 1).padStart(2, '0')} 14:20,North,Cardiology,${quoted}\n`;
  if (!out.write(line)) await once(out, 'drain');
}
out.end();
await once(out, 'finish');
const { size } = await stat(path);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const started = performance.now();
let records = 0;
let errors = 0;
let mapping: ColumnMapping | undefined;
for await (const item of readRecords(path)) {
  if ('error' in item) {
    errors++;
    continue;
  }
  records++;
  if (isMapping) {
    mapping ??= inferMapping(Object.keys(item.fields));
    if (!mapRecord(item.fields, mapping, { kind: 'review' }).ok) errors++;
  }
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await rm(directory, { recursive: true, force: true });

console.log(
  `${isMapping ? 'read+map' : 'read'}: ${records} records, ${errors} row errors, ${(size / 1e6).toFixed(0)} MB in ${seconds.toFixed(2)} s: ` +
    `${Math.round(records / seconds).toLocaleString('en')} rows/s, peak RSS ${(peakRss / 1e6).toFixed(0)} MB`,
);
