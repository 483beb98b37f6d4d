import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel, useNow } from '../components/case-ui.tsx';
import { caseStatuses, caseTiers, type Case, type CaseStatus, type Page } from '../types.ts';

const maxPages = 10;

/** Cases as a board: one column per workflow status, closed ones folded away until asked for. */
export function CasesPage() {
  const { t } = useI18n();
  const { reportError } = useApp();
  const now = useNow();
  const [tier, setTier] = useState('');
  const [mine, setMine] = useState(false);
  const [cases, setCases] = useState<Case[] | null>(null);
  const [showClosed, setShowClosed] = useState(false);

  const load = useCallback(async () => {
    try {
      const all: Case[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < maxPages; page++) {
        const res: Page<Case> = await api<Page<Case>>('/api/cases', {
          query: { tier, assignee: mine ? 'me' : '', cursor },
        });
        all.push(...res.items);
        cursor = res.nextCursor;
        if (!cursor) break;
      }
      setCases(all);
    } catch (error) {
      reportError(error);
      setCases([]);
    }
  }, [tier, mine, reportError]);

  useEffect(() => {
    void load();
  }, [load]);

  const byStatus = (status: CaseStatus) => (cases ?? []).filter((c) => c.status === status);

  return (
    <div className="page page-wide">
      <div className="toolbar">
        <label className="inline-field">
          <span>{t('cases.tier')}</span>
          <select name="tier" value={tier} onChange={(e) => setTier(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {caseTiers.map((x) => (
              <option key={x} value={x}>
                {t(`tier.${x}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" name="mine" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          {t('cases.assignedToMe')}
        </label>
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void load()}>
          ↻ {t('cases.refresh')}
        </button>
      </div>
      {cases === null ? (
        <Spinner />
      ) : cases.length === 0 ? (
        <EmptyState title={t('cases.empty')} hint={t('cases.emptyHint')} />
      ) : (
        <div className={`board${showClosed ? ' board-closed-open' : ''}`} data-testid="case-board">
          {caseStatuses.map((status) => {
            const items = byStatus(status);
            const folded = status === 'closed' && !showClosed;
            return (
              <section key={status} className={`board-column${folded ? ' board-column-folded' : ''}`} data-status={status}>
                <header className="board-column-head">
                  <CaseStatusBadge status={status} />
                  <span className="count-pill">{items.length}</span>
                  {status === 'closed' && (
                    <button type="button" className="btn btn-small btn-link" onClick={() => setShowClosed((v) => !v)}>
                      {showClosed ? t('cases.hideClosed') : t('cases.showClosed')}
                    </button>
                  )}
                </header>
                {!folded &&
                  items.map((c) => (
                    <Link key={c.id} href={`/cases/${encodeURIComponent(c.id)}`} className="case-card" data-testid="case-card">
                      <div className="case-card-head">
                        <span className="case-number">{caseLabel(c)}</span>
                        <TierBadge tier={c.tier} />
                      </div>
                      <div className="case-card-title">{c.title}</div>
                      <div className="case-card-foot">
                        <span className="muted small">{c.assigneeName ?? t('cases.unassigned')}</span>
                        <SlaCountdown value={c} now={now} />
                      </div>
                    </Link>
                  ))}
                {!folded && items.length === 0 && <div className="muted small board-empty">{t('cases.columnEmpty')}</div>}
              </section>
            );
          })}
        </div>
      )}
      <SlaCompliance />
    </div>
  );
}

interface ComplianceRow {
  team: string;
  cases: number;
  firstResponseMet: number;
  firstResponseRate: number | null;
  breached: number;
}

/** How often each team answered within the first-response deadline over the last 30 days. */
function SlaCompliance() {
  const { t, formatNumber } = useI18n();
  const [rows, setRows] = useState<ComplianceRow[] | null>(null);
  useEffect(() => {
    api<{ items: ComplianceRow[] }>('/api/sla/compliance', { query: { days: 30 } })
      .then((res) => setRows(res.items))
      .catch(() => setRows([]));
  }, []);
  if (!rows || rows.length === 0) return null;
  return (
    <section className="card compliance" data-testid="sla-compliance">
      <h2>{t('compliance.title')}</h2>
      <table className="table table-compact">
        <thead>
          <tr>
            <th>{t('caseSettings.team')}</th>
            <th className="num">{t('compliance.cases')}</th>
            <th className="num">{t('compliance.met')}</th>
            <th className="num">{t('compliance.rate')}</th>
            <th className="num">{t('compliance.breached')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.team}>
              <td className="strong">{r.team}</td>
              <td className="num">{formatNumber(r.cases)}</td>
              <td className="num">{formatNumber(r.firstResponseMet)}</td>
              <td className="num">
                {r.firstResponseRate === null ? t('common.none') : formatNumber(r.firstResponseRate, { style: 'percent', maximumFractionDigits: 0 })}
              </td>
              <td className={`num${r.breached > 0 ? ' warning-text strong' : ''}`}>{formatNumber(r.breached)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
