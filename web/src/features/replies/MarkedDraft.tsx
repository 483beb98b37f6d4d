import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { segmentFindings, type FindingMark } from './finding-spans.ts';
import type { ReplyCheck } from './types.ts';

/** A check's findings, each marked with the check that found it. */
export function findingsOf(check: { privacy: ReplyCheck['privacy'] | null; brandVoice: ReplyCheck['brandVoice'] | null }): FindingMark[] {
  return [...(check.privacy?.findings ?? []).map((f) => ({ ...f, check: 'privacy' as const })), ...(check.brandVoice?.findings ?? []).map((f) => ({ ...f, check: 'brandVoice' as const }))];
}

/** The draft with every finding marked: React elements only, so the text stays text. */
export function MarkedDraft({ text, findings }: { text: string; findings: FindingMark[] }) {
  const nodes: ReactNode[] = segmentFindings(text.length, findings).map((s) => {
    const piece = text.slice(s.start, s.end);
    if (s.marks.length === 0) return piece;
    const isPrivacy = s.marks.some((m) => m.check === 'privacy');
    return (
      <mark key={s.start} className={`hl ${isPrivacy ? 'hl-privacy' : 'hl-voice'}`} title={s.marks.map((m) => m.reason).join('\n')}>
        {piece}
      </mark>
    );
  });
  return (
    <div className="reply-preview mention-text" data-testid="reply-preview">
      {nodes}
    </div>
  );
}

export function FindingList({ findings }: { findings: FindingMark[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return null;
  return (
    <ul className="finding-list" data-testid="reply-findings">
      {findings.map((f, i) => (
        <li key={i} className={f.check === 'privacy' ? 'finding-privacy' : 'finding-voice'}>
          <span className="badge">{f.check === 'privacy' ? t('reply.privacy') : t('reply.brandVoice')}</span> {f.term && <q className="strong">{f.term}</q>} {f.reason}
        </li>
      ))}
    </ul>
  );
}
