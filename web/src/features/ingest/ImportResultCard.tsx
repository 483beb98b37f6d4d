import { useI18n } from '../../i18n/index.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Stat } from '../../ui/Stat.tsx';
import type { ImportRun } from './types.ts';
import { Link } from '../../lib/router.tsx';
import { useSourceWords } from './source-name.ts';

/** The inbox showing what one import run brought in. */
const inboxOf = (run: Pick<ImportRun, 'id'>) => `/inbox?importRun=${encodeURIComponent(run.id)}`;

/** What an import did: accepted, duplicate, updated and rejected rows, and why each rejected one was. */
export function ImportResultCard({ result, onAnother }: { result: ImportRun; onAnother(): void }) {
  const { t, formatNumber } = useI18n();
  return (
    <section className="card" data-testid="import-result">
      <div className="card-head">
        <h2>{t('import.result')}</h2>
        <RunStatus run={result} />
      </div>
      <FormError error={result.error} />
      <div className="stat-row">
        <Stat label={t('import.accepted')} value={formatNumber(result.accepted)} tone="good" testId="accepted" />
        <Stat label={t('import.duplicates')} value={formatNumber(result.duplicates)} testId="duplicates" />
        <Stat label={t('import.updated')} value={formatNumber(result.updated)} testId="updated" />
        <Stat label={t('import.rejected')} value={formatNumber(result.rejectedCount)} tone={result.rejectedCount > 0 ? 'bad' : undefined} testId="rejected" />
      </div>
      <h3>{t('import.rejectedRows')}</h3>
      {result.rejected.length === 0 ? (
        <p className="muted">{t('import.noRejected')}</p>
      ) : (
        <RecordTable
          items={result.rejected}
          compact
          emptyTitle=""
          rowKey={(r, i) => `${r.row}-${i}`}
          columns={[
            { header: t('import.row'), className: 'num col-narrow', render: (r) => r.row },
            { header: t('import.reason'), render: (r) => r.reason },
          ]}
        />
      )}
      <div className="form-actions">
        {result.accepted + result.updated > 0 && (
          <Link className="btn btn-primary" href={inboxOf(result)} data-testid="import-open-inbox">
            {t('import.openInInbox')}
          </Link>
        )}
        <button type="button" className="btn" onClick={onAnother}>
          {t('import.another')}
        </button>
      </div>
    </section>
  );
}

/** A run's status as a coloured badge; a failed run's error in its tooltip. */
export function RunStatus({ run, withError = false }: { run: Pick<ImportRun, 'status' | 'error'>; withError?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-run-${run.status}`} title={withError ? (run.error ?? undefined) : undefined}>
      {t(`import.status.${run.status}`)}
    </span>
  );
}

/** Past imports, newest first. */
export function ImportHistory({ runs }: { runs: ImportRun[] | null }) {
  const { t, formatDate, formatNumber } = useI18n();
  const { sourceName } = useSourceWords();
  const count = (pick: (r: ImportRun) => number) => (r: ImportRun) => formatNumber(pick(r));
  return (
    <RecordTable
      items={runs}
      emptyTitle={t('import.noRuns')}
      columns={[
        { header: t('import.started'), cellClassName: 'nowrap', render: (r) => formatDate(r.startedAt) },
        {
          header: t('import.fileName'),
          cellClassName: 'cell-clip',
          title: (r) => r.fileName ?? undefined,
          render: (r) => r.fileName ?? <span className="muted">{t(`import.channel.${r.channel}`)}</span>,
        },
        { header: t('import.source'), render: (r) => sourceName(r.sourceName, r.sourceBuiltIn) },
        { header: t('import.runStatus'), render: (r) => <RunStatus run={r} withError /> },
        {
          header: t('import.accepted'),
          className: 'num',
          render: (r) => (r.accepted + r.updated > 0 ? <Link href={inboxOf(r)}>{formatNumber(r.accepted)}</Link> : formatNumber(r.accepted)),
        },
        { header: t('import.duplicates'), className: 'num', render: count((r) => r.duplicates) },
        { header: t('import.updated'), className: 'num', render: count((r) => r.updated) },
        { header: t('import.rejected'), className: 'num', render: count((r) => r.rejectedCount) },
      ]}
    />
  );
}
