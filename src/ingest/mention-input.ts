import type { MentionKind } from '../mentions/mentions.vocab.ts';
import type { CaseRequest } from '../surveys/surveys.vocab.ts';

/** What every ingest path (file, push API, webhook, connectors, manual entry) hands to `ingestMentions`. */
export interface MentionInput {
  /** The platform's own id; when absent the mention is deduplicated by a content hash. */
  externalId?: string | null;
  kind: MentionKind;
  url?: string | null;
  authorHandle?: string | null;
  /** The rating as the platform gave it (e.g. 8 on a 10-point scale). */
  ratingRaw?: number | null;
  /** The scale `ratingRaw` is on (5, 10, 100); defaults to 5. */
  ratingScale?: number | null;
  title?: string | null;
  text: string;
  /** ISO 639-1 when the source says so; otherwise detected. */
  lang?: string | null;
  publishedAt?: Date | null;
  /** Location and department by name or code as the source wrote them; resolved against the org. */
  location?: string | null;
  department?: string | null;
  /** The source asks for a case of this kind (a low survey score asks for a general one); the cases job opens it after analysis unless a major risk opened a major one. */
  caseRequest?: CaseRequest | null;
}

/** Maps a raw rating on any scale onto 1..5 (rounded to one decimal); null when there is none. */
export function normaliseRating(raw: number | null | undefined, scale: number | null | undefined): number | null {
  if (raw === null || raw === undefined || Number.isNaN(raw)) return null;
  const max = scale && scale > 0 ? scale : 5;
  if (max === 5) return Math.min(5, Math.max(1, Math.round(raw * 10) / 10));
  const clamped = Math.min(max, Math.max(0, raw));
  return Math.round((1 + (clamped / max) * 4) * 10) / 10;
}
