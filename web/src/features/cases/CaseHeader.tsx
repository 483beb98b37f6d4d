import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import type { CaseStatus } from '../../lib/vocab.ts';
import { Select, optionsOf } from '../../ui/Select.tsx';
import type { User } from '../settings/index.ts';
import { evidenceUrl } from './api.ts';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel } from './components.tsx';
import type { Case } from './types.ts';
import { isClosable, nextStatuses } from './workflow.ts';

interface Props {
  value: Case;
  now: number;
  users: User[] | null;
  busy: boolean;
  onTransition(to: CaseStatus): void;
  onAssign(userId: string): void;
  onDialog(dialog: 'close' | 'reopen' | 'reassign'): void;
}

/** The case's title, tier, status and deadlines, who has it, and the workflow's next steps. */
export function CaseHeader({ value: c, now, users, busy, onTransition, onAssign, onDialog }: Props) {
  const { t, formatDate } = useI18n();
  const { can, me } = useApp();
  const canWork = can('cases.work');
  return (
    <section className="card case-header">
      <div className="case-header-main">
        <div className="case-title-row">
          <span className="case-number">{caseLabel(c)}</span>
          <h1 className="case-title">{c.title}</h1>
        </div>
        <div className="chip-row">
          <TierBadge tier={c.tier} />
          <span data-testid="case-status">
            <CaseStatusBadge status={c.status} />
          </span>
          <SlaCountdown value={c} now={now} />
          {c.escalationLevel > 0 && <span className="badge badge-negative">{t('case.escalated', { n: c.escalationLevel })}</span>}
          {c.team && <span className="badge">{c.team}</span>}
        </div>
        <dl className="meta-grid case-meta">
          <dt>{t('case.opened')}</dt>
          <dd>{formatDate(c.openedAt)}</dd>
          <dt>{t('sla.firstResponse')}</dt>
          <dd>
            {formatDate(c.firstResponseDueAt)}
            {c.respondedAt && <span className="muted small"> · {t('case.respondedAt', { at: formatDate(c.respondedAt) })}</span>}
          </dd>
          <dt>{t('sla.resolution')}</dt>
          <dd>{formatDate(c.resolutionDueAt)}</dd>
          {c.closedAt && (
            <>
              <dt>{t('case.closedAt')}</dt>
              <dd>{formatDate(c.closedAt)}</dd>
            </>
          )}
          {c.rootCause && (
            <>
              <dt>{t('case.rootCause')}</dt>
              <dd>{c.rootCause}</dd>
            </>
          )}
          <dt>{t('case.assignee')}</dt>
          <dd>
            {canWork && users ? (
              <Select
                name="assignee"
                aria-label={t('case.assignee')}
                className="inline-select"
                value={c.assigneeId ?? ''}
                disabled={busy}
                onChange={(id) => id && onAssign(id)}
                emptyLabel={t('cases.unassigned')}
                options={optionsOf(users, (u) => u.name || u.email)}
              />
            ) : (
              <>
                {c.assigneeName ?? t('cases.unassigned')}{' '}
                {canWork && c.assigneeId !== me.id && (
                  <button type="button" className="btn btn-small" disabled={busy} onClick={() => onAssign(me.id)}>
                    {t('case.assignToMe')}
                  </button>
                )}
              </>
            )}
            {canWork && c.status !== 'closed' && (
              <button type="button" className="btn btn-small btn-link" data-testid="reassign" disabled={busy} onClick={() => onDialog('reassign')}>
                {t('reassign.button')}
              </button>
            )}
          </dd>
        </dl>
      </div>
      {canWork && (
        <div className="case-workflow" data-testid="case-workflow">
          {nextStatuses(c.status).map((to) => (
            <button key={to} type="button" className="btn btn-primary" disabled={busy} onClick={() => onTransition(to)}>
              {t(`caseAction.${to}`)}
            </button>
          ))}
          {isClosable(c.tier, c.status) && (
            <button type="button" className="btn" data-testid="close-case" disabled={busy} onClick={() => onDialog('close')}>
              {t('case.close')}
            </button>
          )}
          {c.status === 'closed' && (
            <button type="button" className="btn" disabled={busy} onClick={() => onDialog('reopen')}>
              {t('case.reopen')}
            </button>
          )}
          {c.tier === 'malicious' && (
            <a className="btn" href={evidenceUrl(c.id)} download>
              ⇩ {t('case.evidence')}
            </a>
          )}
        </div>
      )}
    </section>
  );
}
