import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { mentionStatuses, type MentionStatus } from '../../lib/vocab.ts';
import { LangBadge, Stars } from '../../ui/badges.tsx';
import { HighlightedText } from '../../ui/HighlightedText.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { Spinner } from '../../ui/states.tsx';
import { OpenCaseDialog } from '../cases/index.ts';
import { getMention, setMentionStatus } from './api.ts';
import { SentimentBadge, StatusBadge } from './badges.tsx';
import { MentionAnalysis } from './MentionAnalysis.tsx';
import type { Mention } from './types.ts';
import { VersionHistory } from './VersionHistory.tsx';
import { AddToCaseDialog } from './AddToCaseDialog.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';
import { MentionCorrections } from './MentionCorrections.tsx';
import { useSourceWords } from '../ingest/index.ts';
import type { Filters } from './inbox-url.ts';
import { Link } from '../../lib/router.tsx';

interface Props {
  id: string;
  onClose(): void;
  onChanged(mention: Mention): void;
  /** Narrows the inbox (all mentions of this author, of this import). */
  onFilter?(patch: Partial<Filters>): void;
}

export function MentionDetail({ id, onClose, onChanged, onFilter }: Props) {
  const { t, tx, formatDate, formatNumber } = useI18n();
  const { can, notify } = useApp();
  const { data, setData } = useResource(() => getMention(id), [id]);
  const status = useSubmit();
  const [openingCase, setOpeningCase] = useState(false);
  const [addingToCase, setAddingToCase] = useState(false);
  const { sourceName } = useSourceWords();
  const mention = data?.mention ?? null;

  // Analysis runs in the background after a mention arrives: look again a few times while it is missing.
  const isAnalysed = mention?.analysis != null;
  const isLoaded = mention !== null;
  useEffect(() => {
    if (!isLoaded || isAnalysed) return;
    let attempts = 0;
    const timer = window.setInterval(() => {
      if (++attempts > 6) {
        window.clearInterval(timer);
        return;
      }
      getMention(id)
        .then((res) => {
          if (res.mention.analysis) {
            window.clearInterval(timer);
            setData((d) => d && { ...d, mention: res.mention });
            onChanged(res.mention);
          }
        })
        .catch(() => window.clearInterval(timer));
    }, 3000);
    return () => window.clearInterval(timer);
  }, [id, isLoaded, isAnalysed, onChanged, setData]);

  const changeStatus = (next: MentionStatus) =>
    status.run(async () => {
      const res = await setMentionStatus(id, next);
      setData((d) => d && { ...d, mention: res.mention });
      onChanged(res.mention);
      notify(t('mention.statusSaved'));
    });

  if (!mention) {
    return (
      <aside className="detail-pane">
        <Spinner />
      </aside>
    );
  }

  const a = mention.analysis;
  const changed = (next: Mention) => {
    setData((d) => d && { ...d, mention: next });
    onChanged(next);
  };
  const reload = () =>
    void getMention(id)
      .then((res) => changed(res.mention))
      .catch(() => undefined);
  const inCase = mention.caseId !== null && mention.caseNumber !== null;
  const meta: [string, ReactNode][] = [
    [t('mention.source'), sourceName(mention.sourceName, mention.sourceBuiltIn)],
    [t('mention.kind'), t(`kind.${mention.kind}`)],
    [
      t('mention.author'),
      mention.authorHandle && onFilter ? (
        <>
          {mention.authorHandle}{' '}
          <button type="button" className="btn btn-link small" data-testid="by-author" onClick={() => onFilter({ author: mention.authorHandle ?? '' })}>
            {t('mention.byAuthor')}
          </button>
        </>
      ) : (
        mention.authorHandle || t('mention.anonymous')
      ),
    ],
    [
      t('mention.case'),
      inCase ? (
        <Link href={`/cases/${encodeURIComponent(mention.caseId!)}`} data-testid="mention-case-link">
          {t('mention.caseLink', { number: mention.caseNumber! })}
        </Link>
      ) : (
        t('mention.noCase')
      ),
    ],
    [t('mention.published'), formatDate(mention.publishedAt)],
    [t('mention.received'), formatDate(mention.receivedAt)],
    [t('mention.location'), mention.locationName ?? t('common.none')],
    [t('mention.department'), mention.departmentName ?? t('common.none')],
    [t('mention.language'), mention.lang ? tx('lang', mention.lang) : t('common.none')],
    [t('mention.externalId'), mention.externalId ?? t('common.none')],
    ...(mention.importRunId && onFilter
      ? ([
          [
            t('mention.importRun'),
            <button key="run" type="button" className="btn btn-link small" onClick={() => onFilter({ importRun: mention.importRunId ?? '' })}>
              {t('mention.importRunLink')}
            </button>,
          ],
        ] as [string, ReactNode][])
      : []),
  ];

  return (
    <aside className="detail-pane" data-testid="mention-detail" aria-label={mention.title ?? t('mention.untitled')}>
      <div className="detail-header">
        <div className="detail-badges">
          <Stars rating={mention.rating} />
          <LangBadge lang={mention.lang} />
          {a && <SentimentBadge label={a.sentiment.label} />}
          <StatusBadge status={mention.status} />
        </div>
        <button type="button" className="icon-btn detail-close" onClick={onClose}>
          <span className="detail-close-x" aria-hidden="true">
            ×
          </span>
          <span className="detail-close-label visually-hidden">{t('common.close')}</span>
          <span className="detail-back">
            <span aria-hidden="true">← </span>
            {t('common.back')}
          </span>
        </button>
      </div>
      {mention.title && <h2 className="detail-title">{mention.title}</h2>}
      <HighlightedText text={mention.text} analysis={a} />
      {a && (a.aspects.length > 0 || a.risks.length > 0 || a.staff.length > 0) && (
        <div className="legend small muted">
          {t('mention.legend')}: <mark className="hl hl-aspect hl-neutral">{t('mention.legendAspect')}</mark> <mark className="hl hl-risk">{t('mention.legendRisk')}</mark>{' '}
          <mark className="hl hl-staff">{t('mention.legendStaff')}</mark>
        </div>
      )}

      <ReviewPanel mention={mention} onChanged={changed} />

      <div className="detail-actions">
        {can('mentions.triage') && (
          <label className="inline-field">
            <span>{t('mention.status')}</span>
            <EnumSelect name="status" values={mentionStatuses} labelOf={(s) => t(`status.${s}`)} value={mention.status} disabled={status.busy} onChange={(s) => void changeStatus(s)} />
          </label>
        )}
        {can('cases.work') && !inCase && (
          <button type="button" className="btn" data-testid="open-case" onClick={() => setOpeningCase(true)}>
            ▦ {t('openCase.button')}
          </button>
        )}
        {can('cases.work') && (
          <button type="button" className="btn" data-testid="add-to-case" onClick={() => setAddingToCase(true)}>
            ⊕ {t('mention.addToCase')}
          </button>
        )}
        {mention.url && /^https?:\/\//i.test(mention.url) && (
          <a className="btn" href={mention.url} target="_blank" rel="noopener noreferrer">
            {t('mention.openOriginal')} ↗
          </a>
        )}
      </div>

      <section className="detail-section">
        <h3>{t('mention.rating')}</h3>
        <dl className="meta-grid">
          <dt>{t('mention.ratingRaw')}</dt>
          <dd>{mention.ratingRaw === null ? t('mention.noRating') : `${formatNumber(mention.ratingRaw)}${mention.ratingScale ? ` / ${formatNumber(mention.ratingScale)}` : ''}`}</dd>
          <dt>{t('mention.ratingNormalised')}</dt>
          <dd>{mention.rating === null ? t('mention.noRating') : `${formatNumber(mention.rating)} / 5`}</dd>
        </dl>
      </section>

      <section className="detail-section">
        <h3>{t('mention.analysis')}</h3>
        <MentionAnalysis analysis={a} />
      </section>

      {can('mentions.triage') && <MentionCorrections mention={mention} onChanged={changed} />}

      <section className="detail-section">
        <h3>{t('mention.details')}</h3>
        <dl className="meta-grid">
          {meta.map(([label, value]) => (
            <MetaRow key={label} label={label} value={value} />
          ))}
        </dl>
      </section>

      <section className="detail-section">
        <h3>{t('mention.history')}</h3>
        <VersionHistory versions={data?.versions ?? []} />
      </section>
      {openingCase && <OpenCaseDialog mention={mention} onClose={() => setOpeningCase(false)} />}
      {addingToCase && <AddToCaseDialog mention={mention} onClose={() => setAddingToCase(false)} onAdded={reload} />}
    </aside>
  );
}

function MetaRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
