import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Check } from '../../ui/Field.tsx';
import { RecordList } from '../../ui/RecordList.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Stat } from '../../ui/Stat.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { getMyWork, listCases, listTeams, setMemberShift } from './api.ts';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel, useNow } from './components.tsx';

const caseHref = (id: string | undefined) => (id ? `/cases/${encodeURIComponent(id)}` : '/cases');

/** What is waiting for the signed-in user: their cases, their open actions, replies to approve. */
export function MyWorkPage() {
  const { t, tx, formatDate } = useI18n();
  const now = useNow();
  const work = useResource(getMyWork, [], { fallback: { cases: [], actions: [], approvals: [] } }).data;
  // How many cases wait unassigned in the user's teams (none for a role that may not read cases).
  const { me } = useApp();
  const teams = useResource(listTeams, [], { fallback: [], quiet: true });
  const myTeams = (teams.data ?? []).filter((team) => team.members.some((m) => m.userId === me.id));
  const { busy, run } = useSubmit();
  const setShift = (teamId: string, onShift: boolean) =>
    void run(async () => {
      await setMemberShift(teamId, me.id, onShift);
      await teams.reload();
    });
  const queue = useResource(() => listCases({ queue: 'my_team_unassigned', limit: 1 }).then((p) => p.total), [], { fallback: 0, quiet: true }).data;

  if (!work) return <Spinner />;
  const breached = work.cases.filter((c) => c.slaState === 'breached').length;

  return (
    <div className="page">
      <div className="stat-row">
        <Stat label={t('myWork.cases')} value={work.cases.length} />
        <Stat label={t('myWork.actions')} value={work.actions.length} />
        <Stat label={t('myWork.approvals')} value={work.approvals.length} />
        <Stat label={t('myWork.breached')} value={breached} tone={breached > 0 ? 'bad' : undefined} />
      </div>
      {myTeams.length > 0 && (
        <div className="toolbar my-shifts" data-testid="my-shifts">
          {myTeams.map((team) => (
            <Check
              key={team.id}
              name={`shift-${team.id}`}
              label={t('myWork.onShift', { team: team.name })}
              checked={team.members.find((m) => m.userId === me.id)!.onShift}
              disabled={busy}
              onChange={(on) => setShift(team.id, on)}
            />
          ))}
        </div>
      )}
      {queue !== null && queue > 0 && (
        <p>
          <Link href="/cases/list?queue=my_team_unassigned" className="btn" data-testid="team-queue-link">
            {t('myWork.teamQueue', { n: queue })} →
          </Link>
        </p>
      )}

      <section className="card">
        <h2>{t('myWork.cases')}</h2>
        <RecordTable
          items={work.cases}
          headless
          emptyTitle={t('myWork.noCases')}
          columns={[
            { header: '', cellClassName: 'nowrap', render: (c) => <Link href={caseHref(c.id)}>{caseLabel(c)}</Link> },
            {
              header: '',
              render: (c) => (
                <Link href={caseHref(c.id)} className="strong">
                  {c.title}
                </Link>
              ),
            },
            { header: '', render: (c) => <TierBadge tier={c.tier} /> },
            { header: '', render: (c) => <CaseStatusBadge status={c.status} /> },
            { header: '', cellClassName: 'nowrap', render: (c) => <SlaCountdown value={c} now={now} /> },
          ]}
        />
      </section>

      <section className="card">
        <h2>{t('myWork.actions')}</h2>
        <RecordList items={work.actions} empty={<EmptyState title={t('myWork.noActions')} />}>
          {(a) => (
            <>
              <div className="record-head">
                <span className="badge">{t(`actions.${a.kind}`)}</span>
                <Link href={caseHref(a.caseId)} className="strong">
                  {a.description}
                </Link>
              </div>
              <div className="small muted">
                {`#${a.caseNumber} · `}
                {a.aspect ? `${tx('aspect', a.aspect)} · ` : ''}
                {t('actions.due', { at: formatDate(a.dueAt, false) })}
              </div>
            </>
          )}
        </RecordList>
      </section>

      <section className="card">
        <h2>{t('myWork.approvals')}</h2>
        <RecordList items={work.approvals} empty={<EmptyState title={t('myWork.noApprovals')} />}>
          {(r) => (
            <>
              <div className="record-head">
                <span className="badge badge-lang">{r.lang.toUpperCase()}</span>
                {/* /api/my-work sends approvals as plain replies, without the case's number or title. */}
                <Link href={caseHref(r.caseId)} className="strong">
                  {t('myWork.openCase')}
                </Link>
                <span className="muted small">{formatDate(r.createdAt)}</span>
              </div>
              <div className="cell-clip small">{r.text}</div>
            </>
          )}
        </RecordList>
      </section>
    </div>
  );
}
