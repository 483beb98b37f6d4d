import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { SentimentBadge } from './badges.tsx';
import type { Analysis } from './types.ts';

/** What the engine found in a mention: sentiment, aspects, risks, staff and how genuine it looks. */
export function MentionAnalysis({ analysis: a }: { analysis: Analysis | null }) {
  const { t, tx, formatNumber } = useI18n();
  if (!a) return <p className="muted">{t('mention.notAnalysed')}</p>;
  // Signals come as "name" or "name:count" ("burst:6_in_1h"); unknown names are shown as they are.
  const describeSignal = (signal: string) => {
    const [name = signal, detail = ''] = signal.split(':');
    const n = Number.parseInt(detail, 10);
    const text = tx('signal', name);
    return text === name ? signal : t(`signal.${name}` as MessageKey, { n: Number.isFinite(n) ? n : '' });
  };
  const percent = (n: number) => formatNumber(n, { style: 'percent', maximumFractionDigits: 0 });
  return (
    <dl className="meta-grid">
      <dt>{t('mention.sentiment')}</dt>
      <dd>
        <SentimentBadge label={a.sentiment.label} /> <span className="muted small">{t('mention.confidence', { value: percent(a.sentiment.confidence) })}</span>
      </dd>
      {a.ratingConflict && (
        <>
          <dt />
          <dd className="warning-text">⚠ {t('mention.ratingConflict')}</dd>
        </>
      )}
      {a.aspects.length > 0 && (
        <>
          <dt>{t('mention.aspects')}</dt>
          <dd className="chip-row">
            {a.aspects.map((x, i) => (
              <span key={i} className={`chip chip-${x.polarity}`}>
                {tx('aspect', x.aspect)}
              </span>
            ))}
          </dd>
        </>
      )}
      {a.risks.length > 0 && (
        <>
          <dt>{t('mention.risks')}</dt>
          <dd className="chip-row">
            {a.risks.map((x, i) => (
              <span key={i} className="chip chip-risk">
                ⚠ {tx('risk', x.risk)}
              </span>
            ))}
          </dd>
        </>
      )}
      {a.staff.length > 0 && (
        <>
          <dt>{t('mention.staffMentioned')}</dt>
          <dd className="chip-row">
            {a.staff.map((x, i) => (
              <span key={i} className="chip chip-staff" title={t('mention.confidence', { value: percent(x.confidence) })}>
                {x.name}
              </span>
            ))}
          </dd>
        </>
      )}
      <dt>{t('mention.authenticity')}</dt>
      <dd>
        {a.authenticity.score <= 0 && a.authenticity.signals.length === 0 ? (
          <span className="muted">{t('mention.authenticityClean')}</span>
        ) : (
          <>
            <span className={a.authenticity.score >= 0.5 ? 'warning-text strong' : undefined}>{percent(a.authenticity.score)}</span>
            {a.authenticity.signals.length > 0 && <span className="muted small"> · {a.authenticity.signals.map(describeSignal).join('; ')}</span>}
          </>
        )}
      </dd>
      <dt>{t('mention.model')}</dt>
      <dd className="muted small">{a.modelVersion}</dd>
    </dl>
  );
}
