import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { priority, segmentText, type Mark, type MarkedAnalysis } from './segment-text.ts';

/** Patient text with analysis spans marked; built from React elements so the text is always escaped. */
export function HighlightedText({ text, analysis }: { text: string; analysis: MarkedAnalysis | null }) {
  const { t, tx } = useI18n();
  const describe = (m: Mark) =>
    m.type === 'aspect' ? `${tx('aspect', m.id)} · ${t(`sentiment.${m.polarity}`)}` : m.type === 'risk' ? `${t('mention.legendRisk')}: ${tx('risk', m.id)}` : `${t('mention.legendStaff')}: ${m.name}`;

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
