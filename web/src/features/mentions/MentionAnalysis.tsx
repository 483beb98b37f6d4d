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
        <SentimentBadge label={a.sentiment.label} />{' '}
        <span className="muted small">{a.sentiment.corrected ? t('mention.sentimentCorrected') : t('mention.confidence', { value: percent(a.sentiment.confidence) })}</span>
      </dd>
      {a.ratingConflict && (
        <>
          <dt />
          <dd className="warning-text">⚠ {t('mention.ratingConflict')}</dd>
        </>
      )}
      <ChipRow label={t('mention.aspects')} chips={a.aspects.map((x) => ({ className: `chip-${x.polarity}`, text: tx('aspect', x.aspect) }))} />
      <ChipRow
        label={t('mention.risks')}
        chips={a.risks.map((x) => ({
          className: x.dismissed ? 'chip-risk chip-dismissed' : 'chip-risk',
          text: x.confidence === undefined ? `⚠ ${tx('risk', x.risk)}` : `⚠ ${t('mention.riskConfidence', { risk: tx('risk', x.risk), confidence: percent(x.confidence) })}`,
          title: x.dismissed ? t('review.notARisk') : undefined,
        }))}
      />
      <ChipRow label={t('mention.staffMentioned')} chips={a.staff.map((x) => ({ className: 'chip-staff', text: x.name, title: t('mention.confidence', { value: percent(x.confidence) }) }))} />
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
      <dd className="muted small">{t('mention.modelWords')}</dd>
    </dl>
  );
}

/** A term and its chips (nothing when there are none). */
function ChipRow({ label, chips }: { label: string; chips: { className: string; text: string; title?: string }[] }) {
  if (chips.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="chip-row">
        {chips.map((chip, i) => (
          <span key={i} className={`chip ${chip.className}`} title={chip.title}>
            {chip.text}
          </span>
        ))}
      </dd>
    </>
  );
}
