import { useI18n } from '../../i18n/index.tsx';
import { LangBadge, Stars } from '../../ui/badges.tsx';
import { SentimentBadge, StatusBadge } from './badges.tsx';
import type { Mention } from './types.ts';
import { useSourceWords } from '../ingest/index.ts';

/** One mention in the inbox list. */
export function MentionCard({ mention: m, selected, onSelect }: { mention: Mention; selected: boolean; onSelect(): void }) {
  const { t, tx, formatDate } = useI18n();
  const { sourceName } = useSourceWords();
  // A risk someone dismissed, or one far too unsure to be flagged, is not worth a badge in the list.
  const liveRisk = m.analysis?.risks.find((r) => !r.dismissed && (r.confidence === undefined || r.confidence >= (m.analysis?.riskThreshold ?? 0)));
  return (
    <button type="button" className={`mention-card${selected ? ' selected' : ''}`} data-testid="mention-card" onClick={onSelect}>
      <div className="mention-card-head">
        <span className="mention-source">{sourceName(m.sourceName, m.sourceBuiltIn)}</span>
        <span className="mention-author">{m.authorHandle || t('mention.anonymous')}</span>
        <span className="spacer" />
        <time className="muted small nowrap" dateTime={m.publishedAt ?? m.receivedAt}>
          {formatDate(m.publishedAt ?? m.receivedAt)}
        </time>
      </div>
      <div className="mention-card-badges">
        <Stars rating={m.rating} />
        <LangBadge lang={m.lang} />
        {m.analysis && <SentimentBadge label={m.analysis.sentiment.label} />}
        {m.toReview && (
          <span className="badge badge-review" data-testid="to-review-badge">
            ? {t('mention.toReview')}
          </span>
        )}
        {!m.toReview && liveRisk && <span className="badge badge-risk">⚠ {tx('risk', liveRisk.risk)}</span>}
        <StatusBadge status={m.status} />
        {m.kind !== 'review' && <span className="badge badge-kind">{t(`kind.${m.kind}`)}</span>}
      </div>
      {m.title && <div className="mention-card-title">{m.title}</div>}
      <div className="mention-card-text">{m.text}</div>
    </button>
  );
}
