import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { Analysis, Sentiment } from '../types.ts';

type Mark =
  | { type: 'aspect'; start: number; end: number; id: string; polarity: Sentiment }
  | { type: 'risk'; start: number; end: number; id: string }
  | { type: 'staff'; start: number; end: number; name: string };

const priority: Record<Mark['type'], number> = { risk: 3, staff: 2, aspect: 1 };

export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/** Cuts the text at every span boundary so overlapping spans each get their own segment. */
export function segmentText(length: number, analysis: Analysis | null): Segment[] {
  const marks: Mark[] = [];
  const clamp = (n: number) => Math.max(0, Math.min(length, Math.trunc(n)));
  if (analysis) {
    for (const a of analysis.aspects ?? [])
      marks.push({ type: 'aspect', start: clamp(a.span[0]), end: clamp(a.span[1]), id: a.aspect, polarity: a.polarity });
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

/** Patient text with analysis spans marked; built from React elements so the text is always escaped. */
export function HighlightedText({ text, analysis }: { text: string; analysis: Analysis | null }) {
  const { t, tx } = useI18n();
  const describe = (m: Mark) =>
    m.type === 'aspect'
      ? `${tx('aspect', m.id)} · ${t(`sentiment.${m.polarity}`)}`
      : m.type === 'risk'
        ? `${t('mention.legendRisk')}: ${tx('risk', m.id)}`
        : `${t('mention.legendStaff')}: ${m.name}`;

  const nodes: ReactNode[] = segmentText(text.length, analysis).map((segment) => {
    const piece = text.slice(segment.start, segment.end);
    if (segment.marks.length === 0) return piece;
    const top = [...segment.marks].sort((a, b) => priority[b.type] - priority[a.type])[0]!;
    const cls = top.type === 'aspect' ? `hl hl-aspect hl-${top.polarity}` : `hl hl-${top.type}`;
    return (
      <mark key={segment.start} className={cls} title={segment.marks.map(describe).join('\n')}>
        {piece}
      </mark>
    );
  });
  return <div className="mention-text">{nodes}</div>;
}
