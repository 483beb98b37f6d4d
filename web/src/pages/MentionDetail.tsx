import { useEffect, useState, type ReactNode } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { HighlightedText } from '../components/HighlightedText.tsx';
import { LangBadge, SentimentBadge, Spinner, Stars, StatusBadge } from '../components/ui.tsx';
import { OpenCaseDialog } from './OpenCaseDialog.tsx';
import { mentionStatuses, type Mention, type MentionStatus, type MentionVersion } from '../types.ts';

interface Props {
  id: string;
  onClose(): void;
  onChanged(mention: Mention): void;
}

export function MentionDetail({ id, onClose, onChanged }: Props) {
  const { t, tx, formatDate, formatNumber } = useI18n();
  const { can, reportError, notify } = useApp();
  const [mention, setMention] = useState<Mention | null>(null);
  const [versions, setVersions] = useState<MentionVersion[]>([]);
  const [saving, setSaving] = useState(false);
  const [openingCase, setOpeningCase] = useState(false);

  useEffect(() => {
    let live = true;
    api<{ mention: Mention; versions: MentionVersion[] }>(`/api/mentions/${encodeURIComponent(id)}`)
      .then((res) => {
        if (!live) return;
        setMention(res.mention);
        setVersions(res.versions ?? []);
      })
      .catch((error) => {
        if (live) reportError(error);
      });
    return () => {
      live = false;
    };
  }, [id, reportError]);

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
      api<{ mention: Mention; versions: MentionVersion[] }>(`/api/mentions/${encodeURIComponent(id)}`)
        .then((res) => {
          if (res.mention.analysis) {
            window.clearInterval(timer);
            setMention(res.mention);
            onChanged(res.mention);
          }
        })
        .catch(() => window.clearInterval(timer));
    }, 3000);
    return () => window.clearInterval(timer);
  }, [id, isLoaded, isAnalysed, onChanged]);

  const changeStatus = async (status: MentionStatus) => {
    if (!mention) return;
    setSaving(true);
    try {
      const res = await api<{ mention: Mention }>(`/api/mentions/${encodeURIComponent(mention.id)}`, {
        method: 'PATCH',
        body: { status },
      });
      setMention(res.mention);
      onChanged(res.mention);
      notify(t('mention.statusSaved'));
    } catch (error) {
      reportError(error);
    } finally {
      setSaving(false);
    }
  };

  if (!mention) {
    return (
      <aside className="detail-pane">
        <Spinner />
      </aside>
    );
  }

  const a = mention.analysis;
  // Signals come as "name" or "name:count" ("burst:6_in_1h"); unknown names are shown as they are.
  const describeSignal = (signal: string) => {
    const [name = signal, detail = ''] = signal.split(':');
    const n = Number.parseInt(detail, 10);
    const text = tx('signal', name);
    return text === name ? signal : t(`signal.${name}` as MessageKey, { n: Number.isFinite(n) ? n : '' });
  };
  const percent = (n: number) => formatNumber(n, { style: 'percent', maximumFractionDigits: 0 });
  const meta: [string, ReactNode][] = [
    [t('mention.source'), mention.sourceName],
    [t('mention.kind'), t(`kind.${mention.kind}`)],
    [t('mention.author'), mention.authorHandle || t('mention.anonymous')],
    [t('mention.published'), formatDate(mention.publishedAt)],
    [t('mention.received'), formatDate(mention.receivedAt)],
    [t('mention.location'), mention.locationName ?? t('common.none')],
    [t('mention.department'), mention.departmentName ?? t('common.none')],
    [t('mention.language'), mention.lang ? tx('lang', mention.lang) : t('common.none')],
    [t('mention.externalId'), mention.externalId ?? t('common.none')],
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
        <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </div>
      {mention.title && <h2 className="detail-title">{mention.title}</h2>}
      <HighlightedText text={mention.text} analysis={a} />
      {a && (a.aspects.length > 0 || a.risks.length > 0 || a.staff.length > 0) && (
        <div className="legend small muted">
          {t('mention.legend')}: <mark className="hl hl-aspect hl-neutral">{t('mention.legendAspect')}</mark>{' '}
          <mark className="hl hl-risk">{t('mention.legendRisk')}</mark>{' '}
          <mark className="hl hl-staff">{t('mention.legendStaff')}</mark>
        </div>
      )}

      <div className="detail-actions">
        {can('mentions.triage') && (
          <label className="inline-field">
            <span>{t('mention.status')}</span>
            <select
              name="status"
              value={mention.status}
              disabled={saving}
              onChange={(e) => void changeStatus(e.target.value as MentionStatus)}
            >
              {mentionStatuses.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {can('cases.work') && (
          <button type="button" className="btn" data-testid="open-case" onClick={() => setOpeningCase(true)}>
            ▦ {t('openCase.button')}
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
          <dd>
            {mention.ratingRaw === null
              ? t('mention.noRating')
              : `${formatNumber(mention.ratingRaw)}${mention.ratingScale ? ` / ${formatNumber(mention.ratingScale)}` : ''}`}
          </dd>
          <dt>{t('mention.ratingNormalised')}</dt>
          <dd>{mention.rating === null ? t('mention.noRating') : `${formatNumber(mention.rating)} / 5`}</dd>
        </dl>
      </section>

      <section className="detail-section">
        <h3>{t('mention.analysis')}</h3>
        {!a ? (
          <p className="muted">{t('mention.notAnalysed')}</p>
        ) : (
          <dl className="meta-grid">
            <dt>{t('mention.sentiment')}</dt>
            <dd>
              <SentimentBadge label={a.sentiment.label} />{' '}
              <span className="muted small">{t('mention.confidence', { value: percent(a.sentiment.confidence) })}</span>
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
                  <span className={a.authenticity.score >= 0.5 ? 'warning-text strong' : undefined}>
                    {percent(a.authenticity.score)}
                  </span>
                  {a.authenticity.signals.length > 0 && (
                    <span className="muted small">
                      {' '}
                      · {a.authenticity.signals.map((signal) => describeSignal(signal)).join('; ')}
                    </span>
                  )}
                </>
              )}
            </dd>
            <dt>{t('mention.model')}</dt>
            <dd className="muted small">{a.modelVersion}</dd>
          </dl>
        )}
      </section>

      <section className="detail-section">
        <h3>{t('mention.details')}</h3>
        <dl className="meta-grid">
          {meta.map(([label, value]) => (
            <FragmentRow key={label} label={label} value={value} />
          ))}
        </dl>
      </section>

      <section className="detail-section">
        <h3>{t('mention.history')}</h3>
        <VersionHistory versions={versions} />
      </section>
      {openingCase && <OpenCaseDialog mention={mention} onClose={() => setOpeningCase(false)} />}
    </aside>
  );
}

function FragmentRow({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Shows what changed between two texts: the common head and tail are trimmed, the middle is struck and inserted. */
function TextChange({ before, after }: { before: string; after: string }) {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  )
    tail++;
  const context = 40;
  const lead = before.slice(Math.max(0, head - context), head);
  const removed = before.slice(head, before.length - tail);
  const added = after.slice(head, after.length - tail);
  const trail = after.slice(after.length - tail, Math.min(after.length, after.length - tail + context));
  return (
    <div className="text-change">
      {head > context && '…'}
      {lead}
      {removed && <del>{removed}</del>}
      {added && <ins>{added}</ins>}
      {trail}
      {tail > context && '…'}
    </div>
  );
}

function VersionHistory({ versions }: { versions: MentionVersion[] }) {
  const { t, formatDate, formatNumber } = useI18n();
  if (versions.length <= 1) return <p className="muted">{t('mention.neverEdited')}</p>;
  const sorted = [...versions].sort((x, y) => x.version - y.version);
  const entries = sorted.map((v, i) => ({ current: v, previous: i > 0 ? sorted[i - 1]! : null })).reverse();
  const rating = (n: number | null) => (n === null ? t('mention.noRating') : formatNumber(n));
  return (
    <ol className="history">
      {entries.map(({ current, previous }) => {
        const titleChanged = previous !== null && (previous.title ?? '') !== (current.title ?? '');
        const textChanged = previous !== null && previous.text !== current.text;
        const ratingChanged = previous !== null && previous.ratingRaw !== current.ratingRaw;
        return (
          <li key={current.version} className="history-entry">
            <div className="history-head">
              <strong>{t('mention.version', { n: current.version })}</strong>
              <span className="muted small">{formatDate(current.receivedAt)}</span>
            </div>
            {previous === null ? (
              <div className="muted small">{t('mention.firstVersion')}</div>
            ) : (
              <div className="history-changes">
                {titleChanged && (
                  <div>
                    <span className="chip">{t('mention.changedTitle')}</span>
                    <TextChange before={previous.title ?? ''} after={current.title ?? ''} />
                  </div>
                )}
                {ratingChanged && (
                  <div>
                    <span className="chip">{t('mention.changedRating')}</span> {rating(previous.ratingRaw)} →{' '}
                    {rating(current.ratingRaw)}
                  </div>
                )}
                {textChanged && (
                  <div>
                    <span className="chip">{t('mention.changedText')}</span>
                    <TextChange before={previous.text} after={current.text} />
                  </div>
                )}
                {!titleChanged && !ratingChanged && !textChanged && (
                  <div className="muted small">{t('mention.noChange')}</div>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
