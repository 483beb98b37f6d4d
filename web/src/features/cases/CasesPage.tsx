import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { caseStatuses, caseTiers, type CaseTier } from '../../lib/vocab.ts';
import { Check } from '../../ui/Field.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { getCompliance, listBoard } from './api.ts';
import { CaseList } from './CaseList.tsx';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel, useNow } from './components.tsx';

/** The cases page: the board or the list (/cases/list), with the team's SLA compliance below. */
export function CasesPage({ view }: { view: 'board' | 'list' }) {
  const { t } = useI18n();
  return (
    <div className="page page-wide">
      <Tabs
        tabs={[
          { id: 'board', label: t('cases.view.board') },
          { id: 'list', label: t('cases.view.list') },
        ]}
        current={view}
        onSelect={(id) => navigate(id === 'list' ? '/cases/list' : '/cases')}
      />
      {view === 'list' ? <CaseList /> : <CaseBoard />}
      <SlaCompliance />
    </div>
  );
}

/** Cases as a board: one column per workflow status, each the first cases by due time and a link to all of them in the list; closed ones folded away until asked for. */
function CaseBoard() {
  const { t, formatNumber } = useI18n();
  const now = useNow();
  const [tier, setTier] = useState<CaseTier | ''>('');
  const [mine, setMine] = useState(false);
  const [showClosed, setShowClosed] = useState(false);
  const statuses = showClosed ? caseStatuses : caseStatuses.filter((s) => s !== 'closed');
  const board = useResource(() => listBoard(tier, mine, statuses), [tier, mine, showClosed], { fallback: {} });
  const columns = board.data;
  const empty = columns !== null && statuses.every((s) => !columns[s]?.total) && !showClosed;

  return (
    <>
      <div className="toolbar">
        <label className="inline-field">
          <span>{t('cases.tier')}</span>
          <EnumSelect name="tier" values={caseTiers} labelOf={(x) => t(`tier.${x}`)} emptyLabel={t('common.all')} value={tier} onChange={setTier} />
        </label>
        <Check name="mine" label={t('cases.assignedToMe')} checked={mine} onChange={setMine} />
        <span className="spacer" />
        <button type="button" className="btn" onClick={() => void board.reload()}>
          ↻ {t('cases.refresh')}
        </button>
      </div>
      {columns === null ? (
        <Spinner />
      ) : empty ? (
        <EmptyState title={t('cases.empty')} hint={t('cases.emptyHint')} />
      ) : (
        <div className={`board${showClosed ? ' board-closed-open' : ''}`} data-testid="case-board">
          {caseStatuses.map((status) => {
            const column = columns[status];
            const items = column?.items ?? [];
            const total = column?.total ?? 0;
            const folded = status === 'closed' && !showClosed;
            const listHref = `/cases/list?status=${status}${tier ? `&tier=${tier}` : ''}`;
            return (
              <section key={status} className={`board-column${folded ? ' board-column-folded' : ''}`} data-status={status}>
                <header className="board-column-head">
                  <CaseStatusBadge status={status} />
                  {!folded && <span className="count-pill">{formatNumber(total)}</span>}
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
                {!folded && total > items.length && (
                  <Link href={listHref} className="btn btn-small board-show-all" data-testid="board-show-all">
                    {t('cases.showAll', { n: formatNumber(total) })}
                  </Link>
                )}
                {!folded && total === 0 && <div className="muted small board-empty">{t('cases.columnEmpty')}</div>}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}

/** How often each team answered within the first-response deadline over the last 30 days. */
function SlaCompliance() {
  const { t, formatNumber } = useI18n();
  const rows = useResource(() => getCompliance(30), [], { fallback: [], quiet: true }).data;
  if (!rows || rows.length === 0) return null;
  const count = (n: number) => formatNumber(n);
  return (
    <section className="card compliance" data-testid="sla-compliance">
      <h2>{t('compliance.title')}</h2>
      <RecordTable
        items={rows}
        compact
        emptyTitle=""
        rowKey={(r) => r.team}
        columns={[
          { header: t('caseSettings.team'), cellClassName: 'strong', render: (r) => r.team },
          { header: t('compliance.cases'), className: 'num', render: (r) => count(r.cases) },
          { header: t('compliance.met'), className: 'num', render: (r) => count(r.firstResponseMet) },
          {
            header: t('compliance.rate'),
            className: 'num',
            render: (r) => (r.firstResponseRate === null ? t('common.none') : formatNumber(r.firstResponseRate, { style: 'percent', maximumFractionDigits: 0 })),
          },
          { header: t('compliance.breached'), className: 'num', render: (r) => (r.breached > 0 ? <span className="warning-text strong">{count(r.breached)}</span> : count(r.breached)) },
        ]}
      />
    </section>
  );
}
