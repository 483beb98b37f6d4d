import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/app-context.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { copySurvey, getSurvey, updateSurvey, type Survey } from './api.ts';
import { Builder } from './Builder.tsx';
import { LinksTab } from './LinksTab.tsx';
import { StatusBadge } from './SurveyList.tsx';
import { VersionsTab } from './VersionsTab.tsx';

type Tab = 'builder' | 'links' | 'versions';

/** One survey: its name and status, the builder, its links and QR codes, its version history; the tab is in the address. */
export function SurveyDetail({ id, tab }: { id: string; tab: string }) {
  const { t } = useI18n();
  const survey = useResource(() => getSurvey(id), [id], { quiet: true });
  if (survey.error instanceof ApiError && survey.error.status === 404) return <EmptyState title={t('surveys.notFound')} />;
  if (!survey.data) return <Spinner />;
  const current: Tab = tab === 'links' || tab === 'versions' ? tab : 'builder';
  return (
    <div className="page sv-detail">
      <Link className="detail-back" href="/surveys">
        ← {t('surveys.back')}
      </Link>
      <SurveyHeader survey={survey.data} onChanged={survey.setData} />
      <Tabs
        tabs={(['builder', 'links', 'versions'] as const).map((x) => ({ id: x, label: t(`surveys.tab.${x}`) }))}
        current={current}
        onSelect={(x) => navigate(x === 'builder' ? `/surveys/${id}` : `/surveys/${id}/${x}`)}
      />
      {current === 'builder' && <Builder survey={survey.data} onSaved={survey.setData} />}
      {current === 'links' && <LinksTab survey={survey.data} />}
      {current === 'versions' && <VersionsTab survey={survey.data} />}
    </div>
  );
}

function SurveyHeader({ survey, onChanged }: { survey: Survey; onChanged(next: Survey): void }) {
  const { t } = useI18n();
  const { can } = useApp();
  const [name, setName] = useState(survey.name);
  const { busy, error, run } = useSubmit('refused');
  const canEdit = can('surveys.manage');
  const change = (body: Parameters<typeof updateSurvey>[1]) => void run(async () => onChanged(await updateSurvey(survey.id, body)));
  return (
    <header className="card sv-header">
      <div className="sv-header-row">
        {canEdit ? (
          <form
            className="sv-rename"
            onSubmit={(e) => {
              e.preventDefault();
              if (name.trim() && name.trim() !== survey.name) change({ name: name.trim() });
            }}
          >
            <input name="name" aria-label={t('surveys.name')} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            <button type="submit" className="btn btn-small" disabled={busy || !name.trim() || name.trim() === survey.name}>
              {t('surveys.rename')}
            </button>
          </form>
        ) : (
          <h1>{survey.name}</h1>
        )}
        <StatusBadge status={survey.status} />
        <span className="muted small">
          {t('surveys.versionInfo', { n: survey.currentVersion })} · {t('surveys.responses')}: {survey.responseCount}
        </span>
      </div>
      {canEdit && (
        <div className="sv-header-actions">
          {survey.status !== 'active' && (
            <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => change({ status: 'active' })} data-testid="sv-activate">
              {t('surveys.activate')}
            </button>
          )}
          {survey.status !== 'archived' && (
            <ConfirmButton question={t('surveys.confirmArchive', { name: survey.name })} disabled={busy} onConfirm={() => change({ status: 'archived' })}>
              {t('surveys.archive')}
            </ConfirmButton>
          )}
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(async () => navigate(`/surveys/${(await copySurvey(survey.id)).id}`))}>
            {t('surveys.copy')}
          </button>
        </div>
      )}
      <FormError error={error} />
    </header>
  );
}
