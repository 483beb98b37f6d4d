import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getReviewLinks, saveReviewLinks, type ReviewLink } from './api.ts';

const MAX = 6;

/** The public review links every respondent is offered on the thank-you page, whatever their score. */
export function ReviewLinksCard() {
  const { t } = useI18n();
  const { can, notify } = useApp();
  const saved = useResource(getReviewLinks, [], { fallback: [] });
  const [links, setLinks] = useState<ReviewLink[]>([]);
  const { busy, error, submit } = useSubmit('invalid');
  useEffect(() => setLinks(saved.data ?? []), [saved.data]);
  const canEdit = can('surveys.manage');
  const set = (i: number, patch: Partial<ReviewLink>) => setLinks(links.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  if (saved.data === null) return <Spinner />;
  return (
    <section className="card" data-testid="sv-review-links">
      <h2>{t('surveys.reviewLinks')}</h2>
      <p className="muted small">{t('surveys.reviewLinksHint')}</p>
      <form
        onSubmit={submit(async () => {
          saved.setData(await saveReviewLinks(links.map((l) => ({ label: l.label.trim(), url: l.url.trim() }))));
          notify(t('common.saved'));
        })}
      >
        <fieldset disabled={!canEdit} className="sv-fields">
          {links.length === 0 && <p className="muted">{t('surveys.noReviewLinks')}</p>}
          {links.map((l, i) => (
            <div className="form-row sv-review-row" key={i}>
              <Field label={t('surveys.reviewLabel')}>
                <input name={`review-label-${i}`} value={l.label} maxLength={80} required onChange={(e) => set(i, { label: e.target.value })} />
              </Field>
              <Field label={t('surveys.reviewUrl')} width="wide">
                <input name={`review-url-${i}`} type="url" inputMode="url" value={l.url} maxLength={1000} required pattern="https://.+" onChange={(e) => set(i, { url: e.target.value })} />
              </Field>
              {canEdit && (
                <button type="button" className="btn btn-small field-button" onClick={() => setLinks(links.filter((_, j) => j !== i))}>
                  {t('surveys.remove')}
                </button>
              )}
            </div>
          ))}
          {canEdit && (
            <div className="form-actions">
              <button type="button" className="btn" disabled={links.length >= MAX} onClick={() => setLinks([...links, { label: '', url: 'https://' }])}>
                + {t('surveys.addReviewLink')}
              </button>
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {t('common.save')}
              </button>
            </div>
          )}
        </fieldset>
        <FormError error={error} />
      </form>
    </section>
  );
}
