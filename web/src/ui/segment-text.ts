import type { Sentiment } from '../lib/vocab.ts';

type Span = readonly [number, number];

/** What the highlighting reads of a mention's analysis (the spans of its aspects, risks and staff). */
export interface MarkedAnalysis {
  aspects: readonly { aspect: string; polarity: Sentiment; span: Span }[];
  risks: readonly { risk: string; span: Span }[];
  staff: readonly { name: string; span: Span }[];
}

export type Mark =
  | { type: 'aspect'; start: number; end: number; id: string; polarity: Sentiment }
  | { type: 'risk'; start: number; end: number; id: string }
  | { type: 'staff'; start: number; end: number; name: string };

export const priority: Record<Mark['type'], number> = { risk: 3, staff: 2, aspect: 1 };

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/** Cuts the text at every span boundary so overlapping spans each get their own segment. */
export function segmentText(length: number, analysis: MarkedAnalysis | null): Segment[] {
  const marks: Mark[] = [];
  const clamp = (n: number) => Math.max(0, Math.min(length, Math.trunc(n)));
  if (analysis) {
    for (const a of analysis.aspects ?? []) marks.push({ type: 'aspect', start: clamp(a.span[0]), end: clamp(a.span[1]), id: a.aspect, polarity: a.polarity });
    for (const r of analysis.risks ?? []) marks.push({ type: 'risk', start: clamp(r.span[0]), end: clamp(r.span[1]), id: r.risk });
    for (const s of analysis.staff ?? []) marks.push({ type: 'staff', start: clamp(s.span[0]), end: clamp(s.span[1]), name: s.name });
  }
  const valid = marks.filter((m) => m.end > m.start);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    segments.push({ start, end, marks: valid.filter((m) => m.start <= start && m.end >= end) });
  }
  return segments;
}
