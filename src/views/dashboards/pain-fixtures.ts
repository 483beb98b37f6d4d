import type { Db } from '../../db/database.ts';
import { searchVector } from '../../mentions/index.ts';

/** Test and bench fixtures of the pain points: analysed mentions whose spans point at real words of their text. */

export interface PainMention {
  sourceId: string;
  at: string;
  text: string;
  lang: 'zh' | 'ru' | 'en';
  sentiment: 'positive' | 'neutral' | 'negative';
  departmentId?: string | null;
  locationId?: string | null;
  /** Each aspect's span is the first occurrence of `words` in the text. */
  aspects?: { aspect: string; polarity: 'positive' | 'neutral' | 'negative'; words: string }[];
  staff?: { id: string; words: string }[];
  author?: string | null;
  status?: 'new' | 'dismissed';
}

let counter = 0;

function spanOf(text: string, words: string): [number, number] {
  const at = text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" is not in "${text}"`);
  return [at, at + words.length];
}

/** Inserts mentions as the ingest and the analysis leave them (search lexemes, analysis JSON, filter columns), in chunks. */
export async function insertPainMentions(db: Db, orgId: string, mentions: PainMention[], options: { search?: boolean } = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < mentions.length; i += 1000) {
    const rows = mentions.slice(i, i + 1000).map((m) => {
      const key = `pain-${process.pid}-${++counter}`;
      const aspects = (m.aspects ?? []).map((a) => ({ aspect: a.aspect, polarity: a.polarity, span: spanOf(m.text, a.words) }));
      return {
        org_id: orgId,
        source_id: m.sourceId,
        kind: 'review' as const,
        external_key: key,
        content_hash: key,
        text: m.text,
        lang: m.lang,
        author_handle: m.author ?? null,
        published_at: m.at,
        location_id: m.locationId ?? null,
        department_id: m.departmentId ?? null,
        status: m.status ?? 'new',
        search: options.search === false ? null : searchVector(m.text),
        analysis: JSON.stringify({
          lang: m.lang,
          sentiment: { label: m.sentiment, score: 0, confidence: 0.9 },
          aspects,
          risks: [],
          staff: (m.staff ?? []).map((s) => ({ id: s.id, span: spanOf(m.text, s.words), confidence: 0.9 })),
          authenticity: { score: 1, signals: [] },
          ratingConflict: false,
          riskThreshold: 0.9,
          modelVersion: 'fixture',
        }),
        analysed_at: new Date(),
        sentiment: m.sentiment,
        aspects: [...new Set(aspects.flatMap((a) => [a.aspect, `${a.aspect}:${a.polarity}`]))],
        risks: [],
        staff_ids: (m.staff ?? []).map((s) => s.id),
      };
    });
    const inserted = await db.insertInto('mentions').values(rows).returning('id').execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}
