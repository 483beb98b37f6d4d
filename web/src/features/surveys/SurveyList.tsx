import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link, navigate } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { surveyTemplates, type SurveyStatus, type SurveyTemplate } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { createSurvey, listSurveys, listTemplates, type SurveySummary } from './api.ts';

const STATUS_TONE: Record<SurveyStatus, string> = { draft: 'badge-neutral', active: 'badge-positive', archived: '' };

export function StatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useI18n();
  return <span className={`badge ${STATUS_TONE[status]}`}>{t(`surveys.status.${status}`)}</span>;
}

/** The organisation's surveys with their status, version, responses and links; a new one from a template. */
export function SurveyList() {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const surveys = useResource(listSurveys, [], { fallback: [] });
  const templates = useResource(listTemplates, [], { fallback: [] }).data;
  const [template, setTemplate] = useState<SurveyTemplate>('outpatient');
  const [name, setName] = useState('');
  const { busy, error, submit } = useSubmit('invalid');
  const templateName = (v: SurveyTemplate) => templates?.find((x) => x.template === v)?.name ?? v;

  return (
    <>
      {can('surveys.manage') && (
        <section className="card">
          <h2>{t('surveys.new')}</h2>
          <form className="form-row" onSubmit={submit(async () => navigate(`/surveys/${(await createSurvey(template, name.trim() || undefined)).id}`))}>
            <Field label={t('surveys.template')}>
              <EnumSelect name="template" values={surveyTemplates} labelOf={templateName} value={template} onChange={setTemplate} />
            </Field>
            <Field label={t('surveys.name')} optional>
              <input name="name" value={name} maxLength={200} placeholder={templateName(template)} onChange={(e) => setName(e.target.value)} />
            </Field>
            <button type="submit" className="btn btn-primary field-button" disabled={busy} data-testid="sv-create">
              {t('common.create')}
            </button>
          </form>
          <FormError error={error} />
        </section>
      )}
      <section className="card">
        <RecordTable<SurveySummary>
          items={surveys.data}
          emptyTitle={t('surveys.empty')}
          emptyHint={t('surveys.emptyHint')}
          testId="sv-list"
          columns={[
            { header: t('surveys.name'), render: (s) => <Link href={`/surveys/${s.id}`}>{s.name}</Link> },
            { header: t('surveys.template'), render: (s) => (s.template ? templateName(s.template) : '—') },
            { header: t('surveys.status'), render: (s) => <StatusBadge status={s.status} /> },
            { header: t('surveys.version'), className: 'num', render: (s) => s.currentVersion },
            { header: t('surveys.responses'), className: 'num', render: (s) => s.responseCount },
            { header: t('surveys.links'), className: 'num', render: (s) => s.linkCount },
            { header: t('surveys.updated'), cellClassName: 'nowrap small', render: (s) => formatDate(s.updatedAt) },
          ]}
        />
      </section>
    </>
  );
}
