import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { Link, navigate } from '../router.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { AlertRulesTab } from './AlertRulesTab.tsx';
import { AlertChannelsTab } from './AlertChannelsTab.tsx';
import type { Alert, Delivery, Mention, Page } from '../types.ts';

const tabs = [
  { id: '', label: 'alerts.tabAlerts', manage: false },
  { id: 'rules', label: 'alerts.tabRules', manage: true },
  { id: 'channels', label: 'alerts.tabChannels', manage: true },
  { id: 'dead-letters', label: 'alerts.tabDead', manage: true },
] as const satisfies readonly { id: string; label: MessageKey; manage: boolean }[];

/** Alerts and, for those who manage them, the rules, channels and failed deliveries behind them. */
export function AlertsPage({ tab }: { tab: string }) {
  const { t } = useI18n();
  const { can } = useApp();
  const visible = tabs.filter((x) => !x.manage || can('alerts.manage'));
  const current = visible.find((x) => x.id === tab) ?? visible[0]!;

  return (
    <div className="page">
      {visible.length > 1 && (
        <div className="tabs" role="tablist">
          {visible.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              aria-selected={current === x}
              className={`tab${current === x ? ' active' : ''}`}
              onClick={() => navigate(x.id ? `/alerts/${x.id}` : '/alerts')}
            >
              {t(x.label)}
            </button>
          ))}
        </div>
      )}
      {current.id === '' && <AlertList />}
      {current.id === 'rules' && <AlertRulesTab />}
      {current.id === 'channels' && <AlertChannelsTab />}
      {current.id === 'dead-letters' && <DeadLetters />}
    </div>
  );
}

function AlertList() {
  const { t, formatDate } = useI18n();
  const { can, reportError, notify } = useApp();
  const [status, setStatus] = useState<'open' | 'acknowledged'>('open');
  const [items, setItems] = useState<Alert[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);

  const load = useCallback(
    async (from: string | null) => {
      try {
        const res = await api<Page<Alert>>('/api/alerts', { query: { status, cursor: from } });
        setItems((prev) => (from && prev ? [...prev, ...res.items] : res.items));
        setCursor(res.nextCursor);
      } catch (error) {
        reportError(error);
        setItems([]);
      }
    },
    [status, reportError],
  );

  useEffect(() => {
    setItems(null);
    void load(null);
  }, [load]);

  const acknowledge = async (alert: Alert) => {
    try {
      await api(`/api/alerts/${encodeURIComponent(alert.id)}/acknowledge`, { method: 'POST' });
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
          {(['open', 'acknowledged'] as const).map((s) => (
            <button key={s} type="button" className={`btn btn-small${status === s ? ' btn-primary' : ''}`} onClick={() => setStatus(s)}>
              {t(`alertStatus.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title={status === 'open' ? t('alerts.emptyOpen') : t('alerts.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="alerts">
            <thead>
              <tr>
                <th>{t('alerts.alert')}</th>
                <th>{t('alerts.rule')}</th>
                <th className="num">{t('alerts.count')}</th>
                <th>{t('alerts.first')}</th>
                <th>{t('alerts.last')}</th>
                <th>{t('alerts.status')}</th>
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <AlertRow
                  key={a.id}
                  alert={a}
                  expanded={expanded === a.id}
                  onToggle={() => setExpanded((x) => (x === a.id ? null : a.id))}
                  onAcknowledge={can('alerts.manage') && a.status === 'open' ? () => void acknowledge(a) : undefined}
                  formatDate={formatDate}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <div className="load-more">
          <button type="button" className="btn" onClick={() => void load(cursor)}>
            {t('common.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}

function AlertRow({
  alert,
  expanded,
  onToggle,
  onAcknowledge,
  formatDate,
}: {
  alert: Alert;
  expanded: boolean;
  onToggle(): void;
  onAcknowledge?: () => void;
  formatDate(v: string | null | undefined): string;
}) {
  const { t } = useI18n();
  return (
    <>
      <tr>
        <td>
          <div className="strong">{alert.title}</div>
          {alert.summary && <div className="muted small">{alert.summary}</div>}
        </td>
        <td>{alert.ruleName}</td>
        <td className="num">{alert.count}</td>
        <td className="nowrap">{formatDate(alert.firstAt)}</td>
        <td className="nowrap">{formatDate(alert.lastAt)}</td>
        <td>
          <span className={`badge ${alert.status === 'open' ? 'badge-negative' : 'badge-positive'}`}>{t(`alertStatus.${alert.status}`)}</span>
        </td>
        <td className="actions-col nowrap">
          {alert.mentionIds.length > 0 && (
            <button type="button" className="btn btn-small" aria-expanded={expanded} onClick={onToggle}>
              {t('alerts.mentions', { n: alert.mentionIds.length })}
            </button>
          )}
          {onAcknowledge && (
            <button type="button" className="btn btn-small btn-primary" onClick={onAcknowledge}>
              {t('alerts.acknowledge')}
            </button>
          )}
        </td>
      </tr>
      {expanded && (
        <tr className="row-detail">
          <td colSpan={7}>
            <AlertMentions ids={alert.mentionIds} />
          </td>
        </tr>
      )}
    </>
  );
}

const mentionPreviewLimit = 10;

function AlertMentions({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  const [mentions, setMentions] = useState<(Mention | string)[] | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(
      ids.slice(0, mentionPreviewLimit).map((id) =>
        api<{ mention: Mention }>(`/api/mentions/${encodeURIComponent(id)}`)
          .then((res) => res.mention as Mention | string)
          .catch(() => id),
      ),
    ).then((all) => live && setMentions(all));
    return () => {
      live = false;
    };
  }, [ids]);
  if (!mentions) return <Spinner />;
  return (
    <ul className="alert-mentions">
      {mentions.map((m) =>
        typeof m === 'string' ? (
          <li key={m}>
            <Link href={`/inbox?mention=${encodeURIComponent(m)}`}>{m}</Link>
          </li>
        ) : (
          <li key={m.id}>
            <Link href={`/inbox?mention=${encodeURIComponent(m.id)}`} className="strong">
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

function DeadLetters() {
  const { t, formatDate } = useI18n();
  const { reportError, notify } = useApp();
  const [items, setItems] = useState<Delivery[] | null>(null);
  const load = useCallback(async () => {
    try {
      setItems((await api<{ items: Delivery[] }>('/api/deliveries', { query: { status: 'dead' } })).items);
    } catch (error) {
      reportError(error);
      setItems([]);
    }
  }, [reportError]);
  useEffect(() => {
    void load();
  }, [load]);

  const retry = async (d: Delivery) => {
    try {
      await api(`/api/deliveries/${encodeURIComponent(d.id)}/retry`, { method: 'POST' });
      notify(t('dead.retried'));
      await load();
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <section className="card">
      <p className="muted">{t('dead.intro')}</p>
      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title={t('dead.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="dead-letters">
            <thead>
              <tr>
                <th>{t('dead.created')}</th>
                <th>{t('alerts.alert')}</th>
                <th>{t('dead.channel')}</th>
                <th className="num">{t('dead.attempts')}</th>
                <th>{t('dead.error')}</th>
                <th className="actions-col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">{formatDate(d.createdAt)}</td>
                  <td>{d.title}</td>
                  <td>
                    {d.channelName ?? t('common.none')}
                    {d.channelKind && <span className="muted small"> · {d.channelKind}</span>}
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="cell-clip small">{d.lastError ?? t('common.none')}</td>
                  <td className="actions-col">
                    <button type="button" className="btn btn-small" onClick={() => void retry(d)}>
                      {t('dead.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
