import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { dismissRisk } from './api.ts';
import type { Mention } from './types.ts';

/**
 * "To review": the analysis saw a possible major risk but not surely enough to open a Major case.
 * Shows the evidence (which risk, the words, how sure) and "Not a risk", which clears the flag and
 * tells the analysis to weigh that phrase less for this organisation.
 */
export function ReviewPanel({ mention, onChanged }: { mention: Mention; onChanged(mention: Mention): void }) {
  const { t, tx, formatNumber } = useI18n();
  const { can, notify } = useApp();
  const { busy, run } = useSubmit();
  if (!mention.toReview || !mention.review?.length) return null;
  const percent = (n: number) => formatNumber(n, { style: 'percent', maximumFractionDigits: 0 });
  const clear = () =>
    run(async () => {
      const res = await dismissRisk(mention.id);
      onChanged(res.mention);
      notify(t('review.notARiskDone'));
    });
  return (
    <section className="review-panel" data-testid="review-panel" aria-label={t('review.title')}>
      <h3>? {t('review.title')}</h3>
      {mention.review.map((r) => (
        <div key={r.risk} className="review-evidence">
          <p className="small">{t('review.explain', { risk: tx('risk', r.risk), confidence: percent(r.confidence) })}</p>
          <p className="small">
            <span className="muted">{t('review.evidence')}: </span>
            <mark className="hl hl-risk">{mention.text.slice(r.span[0], r.span[1]) || r.cue}</mark>
          </p>
        </div>
      ))}
      {can('mentions.triage') && (
        <button type="button" className="btn" data-testid="not-a-risk" disabled={busy} onClick={() => void clear()}>
          ✓ {t('review.notARisk')}
        </button>
      )}
    </section>
  );
}
