import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { CardHead } from '../../ui/CardHead.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { listSources, rotateCredentials } from './api.ts';
import { RunStatus } from './ImportResultCard.tsx';
import { SecretPanel, type Secret } from './SecretPanel.tsx';
import { SourceForm } from './SourceForm.tsx';
import type { Source } from './types.ts';
import { SourceDefaultsDialog } from './SourceDefaultsDialog.tsx';
import { useSourceWords } from './source-name.ts';

export function SourcesPage() {
  const { t, formatDate, formatNumber } = useI18n();
  const { reportError, notify } = useApp();
  const sources = useResource(() => listSources().then((res) => res.items), [], { fallback: [] });
  const [secret, setSecret] = useState<Secret | null>(null);
  const [formOpen, setFormOpen] = useState(false);
  const [editing, setEditing] = useState<Source | null>(null);
  const { sourceName, platformName } = useSourceWords();
  const { org } = useApp();
  const unitName = (list: { id: string; name: string }[] | undefined, id: string | null) => (id ? (list?.find((x) => x.id === id)?.name ?? null) : null);

  const rotate = async (source: Source) => {
    try {
      setSecret({ source, ...(await rotateCredentials(source.id)) });
    } catch (error) {
      reportError(error);
    }
  };

  return (
    <div className="page">
      {secret && <SecretPanel secret={secret} onClose={() => setSecret(null)} />}

      <section className="card">
        <CardHead title={t('sources.title')} newLabel={t('sources.new')} onNew={formOpen ? undefined : () => setFormOpen(true)} />
        {formOpen && (
          <SourceForm
            onCancel={() => setFormOpen(false)}
            onCreated={(created) => {
              setFormOpen(false);
              notify(t('common.saved'));
              if (created.token || created.webhookSecret) setSecret(created);
              void sources.reload();
            }}
          />
        )}
        <RecordTable
          items={sources.data}
          emptyTitle={t('sources.empty')}
          columns={[
            {
              header: t('common.name'),
              render: (s) => (
                <>
                  <div className="strong">{sourceName(s.name, s.builtIn)}</div>
                  {s.url && <div className="muted small cell-clip">{s.url}</div>}
                  {s.lastPollError && <div className="small warning-text">⚠ {s.lastPollError}</div>}
                </>
              ),
            },
            { header: t('sources.kind'), render: (s) => <span className={`badge badge-kind-${s.kind}`}>{t(`sources.sourceKind.${s.kind}`)}</span> },
            { header: t('sources.platform'), render: (s) => (s.platform ? platformName(s.platform) : t('common.none')) },
            {
              header: t('sources.defaults'),
              render: (s) =>
                [unitName(org?.locations, s.defaultLocationId), unitName(org?.departments, s.defaultDepartmentId)].filter(Boolean).join(' · ') || <span className="muted">{t('common.none')}</span>,
            },
            { header: t('sources.mentions'), className: 'num', render: (s) => formatNumber(s.mentionCount) },
            {
              header: t('sources.lastRun'),
              cellClassName: 'nowrap',
              render: (s) =>
                s.lastRun ? (
                  <>
                    <RunStatus run={s.lastRun} /> <span className="muted small">{formatDate(s.lastRun.finishedAt ?? s.lastRun.startedAt)}</span>
                  </>
                ) : (
                  <span className="muted">{t('sources.never')}</span>
                ),
            },
          ]}
          actions={(s) => (
            <>
              <button type="button" className="btn btn-small" onClick={() => setEditing(s)}>
                {t('sources.defaults')}
              </button>
              {(s.kind === 'push' || s.kind === 'webhook') && (
                <ConfirmButton question={t('sources.rotateConfirm', { name: s.name })} onConfirm={() => void rotate(s)}>
                  {s.kind === 'push' ? t('sources.rotate') : t('sources.rotateSecret')}
                </ConfirmButton>
              )}
            </>
          )}
        />
      </section>
      {editing && <SourceDefaultsDialog source={editing} onClose={() => setEditing(null)} onSaved={() => void sources.reload()} />}
    </div>
  );
}
