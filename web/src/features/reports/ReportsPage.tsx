import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { CardHead } from '../../ui/CardHead.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { deleteSchedule, listReports, listSchedules, reportHtmlUrl, reportPdfUrl, resendReport, type Report, type Schedule } from './api.ts';
import { MakeForm } from './MakeForm.tsx';
import { localeName, ScheduleForm } from './ScheduleForm.tsx';

type Editing = { kind: 'new' } | { kind: 'edit'; schedule: Schedule } | { kind: 'make'; schedule: Schedule } | null;

/** Reports: the schedules (made and sent in the organisation's time zone) and the archive of every report made. */
export function ReportsPage() {
  const { t, locale, formatDate } = useI18n();
  const { can, notify, reportError } = useApp();
  const manage = can('reports.manage');
  const [editing, setEditing] = useState<Editing>(null);
  const [page, setPage] = useState(1);
  const schedules = useResource(() => listSchedules().then((r) => r.items), [], { fallback: [] });
  const reports = useResource(() => listReports(page), [page]);
  const day = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  const period = (r: { periodStart: string; periodEnd: string }) => `${day(r.periodStart)} – ${day(r.periodEnd)}`;
  const scope = (r: { locationName: string | null }) => r.locationName ?? t('rep.wholeOrganisation');

  const done = async (changed: boolean) => {
    setEditing(null);
    if (changed) await Promise.all([schedules.reload(), reports.reload()]);
  };
  const resend = async (report: Report) => {
    try {
      const { report: after } = await resendReport(report.id);
      if (after.status === 'sent') notify(t('rep.sent'));
      else reportError(new Error(after.error ?? t('rep.status.failed')));
      await reports.reload();
    } catch (error) {
      reportError(error);
    }
  };
  const remove = async (schedule: Schedule) => {
    try {
      await deleteSchedule(schedule.id);
      notify(t('common.saved'));
      await schedules.reload();
    } catch (error) {
      reportError(error);
    }
  };

  const statusBadge = (status: Report['status'], error: string | null = null) => (
    <span className={`badge ${status === 'sent' ? 'badge-positive' : status === 'failed' ? 'badge-negative' : ''}`} title={error ?? undefined}>
      {t(`rep.status.${status}`)}
    </span>
  );
  const data = reports.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <div className="page page-wide rep-page">
      <section className="card" data-testid="report-schedules">
        {editing === null || editing.kind !== 'new' ? <CardHead title={t('rep.schedules')} newLabel={t('rep.newSchedule')} onNew={manage ? () => setEditing({ kind: 'new' }) : undefined} /> : null}
        <p className="muted small">{t('rep.schedulesHint')}</p>
        {editing?.kind === 'new' && <ScheduleForm schedule={null} onDone={done} />}
        {editing?.kind === 'edit' && <ScheduleForm key={editing.schedule.id} schedule={editing.schedule} onDone={done} />}
        {editing?.kind === 'make' && <MakeForm key={editing.schedule.id} schedule={editing.schedule} onDone={done} />}
        <RecordTable
          items={schedules.data as Schedule[] | null}
          emptyTitle={t('rep.noSchedules')}
          testId="schedules"
          columns={[
            { header: t('rep.cadence'), cellClassName: 'strong', render: (s) => t(`rep.cadence.${s.cadence}`) },
            { header: t('rep.scope'), render: (x) => scope(x) },
            { header: t('rep.recipients'), cellClassName: 'cell-clip small', title: (s) => s.recipients.join(', '), render: (s) => s.recipients.join(', ') },
            { header: t('rep.locale'), render: (s) => localeName(t, s.locale) },
            { header: t('rep.sendHour'), className: 'num', render: (s) => t('rep.sendHourValue', { hour: String(s.sendHour).padStart(2, '0') }) },
            { header: t('rep.enabled'), render: (s) => <span className={`badge ${s.enabled ? 'badge-positive' : ''}`}>{s.enabled ? t('rep.on') : t('rep.off')}</span> },
            {
              header: t('rep.lastReport'),
              render: (s) =>
                s.lastReport ? (
                  <>
                    {day(s.lastReport.periodStart)} {statusBadge(s.lastReport.status)}
                  </>
                ) : (
                  <span className="muted">{t('rep.never')}</span>
                ),
            },
          ]}
          actions={
            manage
              ? (s) => (
                  <>
                    <button type="button" className="btn btn-small" onClick={() => setEditing({ kind: 'make', schedule: s })}>
                      {t('rep.makeNow')}
                    </button>
                    <button type="button" className="btn btn-small" onClick={() => setEditing({ kind: 'edit', schedule: s })}>
                      {t('common.edit')}
                    </button>
                    <ConfirmButton className="btn btn-small btn-danger" question={t('common.confirmDelete', { name: t(`rep.cadence.${s.cadence}`) })} onConfirm={() => void remove(s)}>
                      {t('common.delete')}
                    </ConfirmButton>
                  </>
                )
              : undefined
          }
        />
      </section>

      <section className="card" data-testid="report-archive">
        <div className="card-head">
          <h2>{t('rep.archive')}</h2>
          {data && data.total > 0 && <span className="muted small">{t('rep.total', { n: data.total })}</span>}
        </div>
        <RecordTable
          items={(data?.items ?? null) as Report[] | null}
          emptyTitle={t('rep.noReports')}
          emptyHint={t('rep.noReportsHint')}
          testId="reports"
          columns={[
            { header: t('rep.period'), cellClassName: 'strong nowrap', render: (r) => period(r) },
            {
              header: t('rep.cadence'),
              render: (r) => (
                <>
                  {t(`rep.cadence.${r.cadence}`)}
                  {r.scheduleId ? null : <span className="muted small"> · {t('rep.byHand')}</span>}
                </>
              ),
            },
            { header: t('rep.scope'), render: (x) => scope(x) },
            { header: t('rep.locale'), render: (r) => localeName(t, r.locale) },
            { header: t('rep.status'), render: (r) => statusBadge(r.status, r.error) },
            { header: t('rep.madeAt'), cellClassName: 'nowrap small', render: (r) => formatDate(r.createdAt) },
          ]}
          actions={(r) => (
            <>
              <a className="btn btn-small" href={reportHtmlUrl(r.id)} target="_blank" rel="noreferrer">
                {t('rep.open')}
              </a>
              <a className="btn btn-small" href={reportPdfUrl(r.id)} download={r.filename}>
                {t('rep.pdf')}
              </a>
              {manage && (
                <button type="button" className="btn btn-small" onClick={() => void resend(r)}>
                  {t('rep.resend')}
                </button>
              )}
            </>
          )}
        />
        {pages > 1 && (
          <div className="rep-pager">
            <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('rep.prev')}
            </button>
            <span className="muted small">
              {page} / {pages}
            </span>
            <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('rep.next')}
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
