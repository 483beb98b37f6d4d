import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import type { CaseStatus } from '../../lib/vocab.ts';
import { Spinner } from '../../ui/states.tsx';
import { ReplyEditor, ReplyList } from '../replies/index.ts';
import { listActiveUsers } from '../settings/index.ts';
import { ActionsSection } from './ActionsSection.tsx';
import { caseCommand, getCase } from './api.ts';
import { ReassignDialog } from './BulkDialogs.tsx';
import { CloseDialog, ReopenDialog } from './CaseDialogs.tsx';
import { CaseMentions } from './CaseMentions.tsx';
import { CaseHeader } from './CaseHeader.tsx';
import { useNow } from './components.tsx';
import { HandlingSection } from './HandlingSection.tsx';
import { Timeline } from './Timeline.tsx';
import type { CaseDetail } from './types.ts';

export function CasePage({ id }: { id: string }) {
  const { t } = useI18n();
  const { can, notify } = useApp();
  const now = useNow();
  const canWork = can('cases.work');
  // A case that is not there (or not this user's to see) is a page of its own, not a banner.
  const loaded = useResource(() => getCase(id).catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? null : Promise.reject(error))), [id]);
  // The user list is for administrators; everyone else picks owners by name or assigns to themselves.
  const canListUsers = canWork && can('users.manage');
  const users = useResource(() => (canListUsers ? listActiveUsers() : Promise.resolve(null)), [canListUsers], { quiet: true }).data;
  const [dialog, setDialog] = useState<'close' | 'reopen' | 'reassign' | null>(null);
  const { busy, run } = useSubmit();
  const detail: CaseDetail | null = loaded.data ?? null;
  const reload = loaded.reload;

  if (loaded.data === null && !loaded.loading && !loaded.error) return <div className="empty-state">{t('cases.notFound')}</div>;
  if (!detail) return <Spinner />;
  const c = detail.case;
  const act = (action: () => Promise<unknown>, done: string) =>
    void run(async () => {
      await action();
      notify(done);
      await reload();
    });
  const transition = (to: CaseStatus) => act(() => caseCommand(c.id, 'transition', { to }), t('case.moved', { status: t(`caseStatus.${to}`) }));
  const assign = (assigneeId: string) => act(() => caseCommand(c.id, 'assign', { assigneeId }), t('common.saved'));

  return (
    <div className="page case-page" data-testid="case-page">
      <div className="breadcrumb small">
        <Link href="/cases">← {t('nav.cases')}</Link>
      </div>
      <CaseHeader value={c} now={now} users={users} busy={busy} onTransition={transition} onAssign={assign} onDialog={setDialog} />

      <div className="case-grid">
        <div className="case-col">
          <CaseMentions detail={detail} onChanged={reload} />

          <section className="card">
            <h2>{t('reply.title')}</h2>
            <ReplyList replies={detail.replies} onChanged={reload} />
            {canWork && c.status !== 'closed' && <ReplyEditor caseId={c.id} tier={c.tier} patientLang={detail.mentions[0]?.lang ?? null} onSaved={reload} />}
          </section>

          <HandlingSection detail={detail} onChanged={reload} />
          <ActionsSection detail={detail} users={users} onChanged={reload} />
        </div>

        <aside className="case-col case-side">
          <section className="card">
            <h2>{t('case.timeline')}</h2>
            <Timeline entries={detail.timeline} />
          </section>
        </aside>
      </div>

      {dialog === 'close' && <CloseDialog caseId={c.id} onClose={() => setDialog(null)} onDone={reload} />}
      {dialog === 'reopen' && <ReopenDialog caseId={c.id} onClose={() => setDialog(null)} onDone={reload} />}
      {dialog === 'reassign' && <ReassignDialog value={c} onClose={() => setDialog(null)} onDone={reload} />}
    </div>
  );
}
