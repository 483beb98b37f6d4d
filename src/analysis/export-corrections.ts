import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { SENTIMENT_LABELS } from './analysis.vocab.ts';
import type { SentimentLabel as ModelLabel } from './sentiment-model.ts';
import { analysisLanguage } from './text.ts';
import type { LabelledText } from './training-data.ts';

/** A person's sentiment correction, as a training row. */
export interface SentimentCorrectionRow {
  id: string;
  lang: string;
  text: string;
  label: string;
}
/** A risk a person added (present) or dismissed as "not a risk" (absent). */
export interface RiskCorrectionRow {
  id: string;
  lang: string;
  text: string;
  risk: string;
  present: boolean;
}
/** A staff link a person added (present) or removed (absent). */
export interface StaffCorrectionRow {
  id: string;
  text: string;
  staffId: string;
  present: boolean;
}
export type CorrectionRow = SentimentCorrectionRow | RiskCorrectionRow | StaffCorrectionRow;

interface Found {
  id: string;
  kind: string;
  value: string;
  text: string;
  lang: string | null;
}

/**
 * An organisation's corrections (every organisation's when `orgId` is null) as training rows, in a
 * fixed order (sentiment, then risks, then staff; by time, then id): sentiment corrections
 * `{id, lang, text, label}`, risks added and "not a risk" dismissals `{id, lang, text, risk,
 * present}`, staff links added or removed `{id, text, staffId, present}`. A row's id is
 * `correction:<id>` or `dismissal:<id>`; its language is the mention's, else the analysis's.
 */
export async function exportCorrections(db: Db, orgId: string | null): Promise<CorrectionRow[]> {
  const org = orgId === null ? sql`true` : sql`c.org_id = ${orgId}`;
  const lang = sql`coalesce(m.lang, m.analysis->>'lang')`;
  const rows = await sql<Found>`
    SELECT * FROM (
      SELECT 'correction:' || c.id AS id, c.kind, c.value, m.text, ${lang} AS lang, c.corrected_at AS at, c.id AS key,
        CASE c.kind WHEN 'sentiment' THEN 0 WHEN 'risk_add' THEN 1 ELSE 2 END AS rank
      FROM mention_corrections c JOIN mentions m ON m.id = c.mention_id AND m.org_id = c.org_id WHERE ${org}
      UNION ALL
      SELECT 'dismissal:' || c.id, 'not_a_risk', c.risk, m.text, ${lang}, c.dismissed_at, c.id, 1
      FROM mention_risk_dismissals c JOIN mentions m ON m.id = c.mention_id AND m.org_id = c.org_id WHERE ${org}
    ) x ORDER BY rank, at, key`.execute(db);
  return rows.rows.map((r): CorrectionRow => {
    const language = analysisLanguage(r.lang ?? '');
    if (r.kind === 'sentiment') return { id: r.id, lang: language, text: r.text, label: r.value };
    if (r.kind === 'risk_add' || r.kind === 'not_a_risk') return { id: r.id, lang: language, text: r.text, risk: r.value, present: r.kind === 'risk_add' };
    return { id: r.id, text: r.text, staffId: r.value, present: r.kind === 'staff_add' };
  });
}

/** Writes the rows as JSON Lines to `<dir>/corrections.jsonl` (the directory is made); returns the file's path. */
export function writeCorrections(dir: string, rows: readonly CorrectionRow[]): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'corrections.jsonl');
  writeFileSync(file, rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
  return file;
}

/**
 * The sentiment corrections as rows the sentiment trainer takes, each weighted `weight` (a person
 * read it), the way clinicTrainingRows labels the clinic set: mixed is trained as negative (a
 * complaint is in it); neutral is left out for zh, whose model has no neutral class.
 */
export function sentimentTrainingRows(rows: readonly CorrectionRow[], weight: number): LabelledText[] {
  return rows.flatMap((r) => {
    if (!('label' in r) || !(SENTIMENT_LABELS as readonly string[]).includes(r.label) || (r.lang === 'zh' && r.label === 'neutral')) return [];
    const label = (r.label === 'mixed' ? 'negative' : r.label) as ModelLabel;
    return [{ id: r.id, lang: r.lang, text: r.text, label, dataset: 'corrections', weight }];
  });
}
