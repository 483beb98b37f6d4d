import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { usePagedList, useResource } from '../../lib/use-resource.ts';
import { alertStatuses, type AlertStatus } from '../../lib/vocab.ts';
import { LoadMore } from '../../ui/LoadMore.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getMention } from '../mentions/index.ts';
import { acknowledgeAlert, listAlerts } from './api.ts';
import type { Alert } from './types.ts';

/** Open or acknowledged alerts, newest first; each opens onto the mentions that raised it and links to the case it caused. Everyone who reads alerts may acknowledge them. */
export function AlertList() {
  const { t, formatDate } = useI18n();
  const { can, reportError, notify } = useApp();
  const [status, setStatus] = useState<AlertStatus>('open');
  const [expanded, setExpanded] = useState<string | null>(null);
  const { items, setItems, cursor, loadMore } = usePagedList((from) => listAlerts(status, from), [status]);

  const acknowledge = async (alert: Alert) => {
    try {
      await acknowledgeAlert(alert.id);
      notify(t('alerts.acknowledged'));
      setItems((all) => (all ?? []).filter((a) => a.id !== alert.id));
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      <div className="card-head">
        <div className="segmented" role="group">
          {alertStatuses.map((s) => (
            <button key={s} type="button" className={`btn btn-small${status === s ? ' btn-primary' : ''}`} onClick={() => setStatus(s)}>
              {t(`alertStatus.${s}`)}
            </button>
          ))}
        </div>
      </div>
      <RecordTable
        items={items}
        emptyTitle={status === 'open' ? t('alerts.emptyOpen') : t('alerts.empty')}
        testId="alerts"
        columns={[
          {
            header: t('alerts.alert'),
            render: (a) => (
              <>
                <div className="strong">{a.title}</div>
                {a.summary && <div className="muted small alert-summary">{a.summary}</div>}
                {a.caseId && a.caseNumber !== null && (
                  <Link href={`/cases/${encodeURIComponent(a.caseId)}`} className="small">
                    {t('alerts.case', { number: a.caseNumber })}
                  </Link>
                )}
              </>
            ),
          },
          { header: t('alerts.rule'), render: (a) => a.ruleName },
          { header: t('alerts.count'), className: 'num', render: (a) => a.count },
          { header: t('alerts.first'), cellClassName: 'nowrap', render: (a) => formatDate(a.firstAt) },
          { header: t('alerts.last'), cellClassName: 'nowrap', render: (a) => formatDate(a.lastAt) },
          {
            header: t('alerts.status'),
            render: (a) => <span className={`badge ${a.status === 'open' ? 'badge-negative' : 'badge-positive'}`}>{t(`alertStatus.${a.status}`)}</span>,
          },
        ]}
        actions={(a) => (
          <>
            {a.mentionIds.length > 0 && (
              <button type="button" className="btn btn-small" aria-expanded={expanded === a.id} onClick={() => setExpanded((x) => (x === a.id ? null : a.id))}>
                {t('alerts.mentions', { n: a.mentionIds.length })}
              </button>
            )}
            {can('alerts.read') && a.status === 'open' && (
              <button type="button" className="btn btn-small btn-primary" onClick={() => void acknowledge(a)}>
                {t('alerts.acknowledge')}
              </button>
            )}
          </>
        )}
        detail={(a) => expanded === a.id && <AlertMentions ids={a.mentionIds} />}
      />
      <LoadMore cursor={cursor} onMore={loadMore} />
    </section>
  );
}

const mentionPreviewLimit = 10;

/** The first mentions behind an alert; one that cannot be read shows as its id. */
function AlertMentions({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  const { data: mentions } = useResource(
    () =>
      Promise.all(
        ids.slice(0, mentionPreviewLimit).map((id) =>
          getMention(id).then(
            (res) => res.mention,
            () => id,
          ),
        ),
      ),
    [ids],
    { quiet: true },
  );
  if (!mentions) return <Spinner />;
  const href = (id: string) => `/inbox?mention=${encodeURIComponent(id)}`;
  return (
    <ul className="alert-mentions">
      {mentions.map((m) =>
        typeof m === 'string' ? (
          <li key={m}>
            <Link href={href(m)}>{m}</Link>
          </li>
        ) : (
          <li key={m.id}>
            <Link href={href(m.id)} className="strong">
              {m.sourceName}
            </Link>{' '}
            <span className="cell-clip">{m.text}</span>
          </li>
        ),
      )}
      {ids.length > mentionPreviewLimit && <li className="muted small">{t('alerts.moreMentions', { n: ids.length - mentionPreviewLimit })}</li>}
    </ul>
  );
}
