import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashString } from './training-data.ts';
import type { Aspect, AnalysisLanguage, Polarity, Risk, SentimentLabel } from './analysis.vocab.ts';
import type { RosterMember } from './match-staff.ts';

/** The clinic set's folder in the repository (datasets/clinic, see its GUIDE.md). */
export const CLINIC_DATA_DIR = new URL('../../datasets/clinic/', import.meta.url);

/** One labelled text of the clinic set (datasets/clinic/GUIDE.md). */
export interface ClinicText {
  id: string;
  /** Which roster the text's staff ids come from (datasets/clinic/roster.json). */
  clinic: string;
  lang: AnalysisLanguage;
  variant: 'zh-Hans' | 'zh-Hant' | 'yue' | 'ru' | 'en';
  platform: string;
  rating: number | null;
  department: string | null;
  text: string;
  sentiment: SentimentLabel;
  aspects: { aspect: Aspect; polarity: Polarity }[];
  risks: Risk[];
  staff: string[];
  tags?: string[];
}

/** 40 % of the clinic set, chosen by a hash of the id, is dev (measured and reported, never tuned on); the rest is train. */
export function isClinicDev(id: string): boolean {
  return hashString(`verity-clinic-dev-v1:${id}`) % 5 < 2;
}

/** Every row of the clinic set's JSON Lines files (throws naming the file and line of a malformed row). */
export function readClinicSet(dir: string | URL = CLINIC_DATA_DIR): ClinicText[] {
  const folder = dir instanceof URL ? dir.pathname : dir;
  if (!existsSync(folder)) return [];
  const rows: ClinicText[] = [];
  for (const file of readdirSync(folder).sort()) {
    if (!file.endsWith('.jsonl')) continue;
    readFileSync(join(folder, file), 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!line.trim()) return;
        try {
          rows.push(JSON.parse(line) as ClinicText);
        } catch (error) {
          throw new Error(`${file} line ${index + 1}: ${(error as Error).message}`, { cause: error });
        }
      });
  }
  return rows;
}

/** The clinic set's rosters by clinic. */
export function readClinicRosters(dir: string | URL = CLINIC_DATA_DIR): Map<string, RosterMember[]> {
  const folder = dir instanceof URL ? dir.pathname : dir;
  const path = join(folder, 'roster.json');
  if (!existsSync(path)) return new Map();
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as { clinics: Record<string, RosterMember[]> };
  return new Map(Object.entries(parsed.clinics));
}
