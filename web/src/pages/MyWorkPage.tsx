import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';
import { EmptyState, Spinner } from '../components/ui.tsx';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel, useNow } from '../components/case-ui.tsx';
import type { MyWork } from '../types.ts';

/** What is waiting for the signed-in user: their cases, their open actions, replies to approve. */
export function MyWorkPage() {
  const { t, tx, formatDate } = useI18n();
  const { reportError } = useApp();
  const now = useNow();
  const [work, setWork] = useState<MyWork | null>(null);

  useEffect(() => {
    api<MyWork>('/api/my-work')
      .then(setWork)
      .catch((error) => {
        reportError(error);
        setWork({ cases: [], actions: [], approvals: [] });
      });
  }, [reportError]);

  if (!work) return <Spinner />;
  const caseHref = (id: string | undefined) => (id ? `/cases/${encodeURIComponent(id)}` : '/cases');

  return (
    <div className="page">
      <div className="stat-row">
        <div className="stat">
          <div className="stat-value">{work.cases.length}</div>
          <div className="stat-label">{t('myWork.cases')}</div>
        </div>
        <div className="stat">
          <div className="stat-value">{work.actions.length}</div>
          <div className="stat-label">{t('myWork.actions')}</div>
        </div>
        <div className="stat">
          <div className="stat-value">{work.approvals.length}</div>
          <div className="stat-label">{t('myWork.approvals')}</div>
        </div>
        <div className={`stat${work.cases.some((c) => c.slaState === 'breached') ? ' stat-bad' : ''}`}>
          <div className="stat-value">{work.cases.filter((c) => c.slaState === 'breached').length}</div>
          <div className="stat-label">{t('myWork.breached')}</div>
        </div>
      </div>

      <section className="card">
        <h2>{t('myWork.cases')}</h2>
        {work.cases.length === 0 ? (
          <EmptyState title={t('myWork.noCases')} />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <tbody>
                {work.cases.map((c) => (
                  <tr key={c.id}>
                    <td className="nowrap">
                      <Link href={caseHref(c.id)}>{caseLabel(c)}</Link>
                    </td>
                    <td>
                      <Link href={caseHref(c.id)} className="strong">
                        {c.title}
                      </Link>
                    </td>
                    <td>
                      <TierBadge tier={c.tier} />
                    </td>
                    <td>
                      <CaseStatusBadge status={c.status} />
                    </td>
                    <td className="nowrap">
                      <SlaCountdown value={c} now={now} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card">
        <h2>{t('myWork.actions')}</h2>
        {work.actions.length === 0 ? (
          <EmptyState title={t('myWork.noActions')} />
        ) : (
          <ul className="record-list">
            {work.actions.map((a) => (
              <li key={a.id}>
                <div className="record-head">
                  <span className="badge">{t(`actions.${a.kind}`)}</span>
                  <Link href={caseHref(a.caseId)} className="strong">
                    {a.description}
                  </Link>
                </div>
                <div className="small muted">
                  {a.caseNumber !== undefined && `#${a.caseNumber} · `}
                  {a.aspect ? `${tx('aspect', a.aspect)} · ` : ''}
                  {t('actions.due', { at: formatDate(a.dueAt, false) })}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card">
        <h2>{t('myWork.approvals')}</h2>
        {work.approvals.length === 0 ? (
          <EmptyState title={t('myWork.noApprovals')} />
        ) : (
          <ul className="record-list">
            {work.approvals.map((r) => (
              <li key={r.id}>
                <div className="record-head">
                  <span className="badge badge-lang">{r.lang.toUpperCase()}</span>
                  <Link href={caseHref(r.caseId)} className="strong">
                    {r.caseNumber !== undefined ? `#${r.caseNumber} ` : ''}
                    {r.caseTitle ?? t('myWork.openCase')}
                  </Link>
                  <span className="muted small">{formatDate(r.createdAt)}</span>
                </div>
                <div className="cell-clip small">{r.text}</div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
