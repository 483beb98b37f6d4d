import { useState } from 'react';
import { locales, useI18n, type Locale } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { linkScopes, type LinkScope } from '../../lib/vocab.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import { createLink, disableLink, linkFile, listLinks, type Survey, type SurveyLink } from './api.ts';
import { LANGUAGE_NAMES } from './Builder.tsx';

/** Scopes staff create here; visit links are made by invitations. */
const STAFF_SCOPES = linkScopes.filter((s): s is Exclude<LinkScope, 'visit'> => s !== 'visit');

/** A survey's links: create one for the clinic, a location, a department or a doctor; copy it, download its QR code and A6 card, disable it. */
export function LinksTab({ survey }: { survey: Survey }) {
  const { t, formatDate } = useI18n();
  const { can, org } = useApp();
  const links = useResource(() => listLinks(survey.id), [survey.id], { fallback: [] });
  const [scope, setScope] = useState<Exclude<LinkScope, 'visit'>>('organisation');
  const [target, setTarget] = useState('');
  const [label, setLabel] = useState('');
  const [locale, setLocale] = useState<Locale | ''>('');
  const { busy, error, submit, run } = useSubmit('invalid');
  const canEdit = can('surveys.manage') && survey.status !== 'archived';
  const targets =
    scope === 'location'
      ? optionsOf(org?.locations, (l) => l.name)
      : scope === 'department'
        ? optionsOf(org?.departments, (d) => d.name)
        : scope === 'staff'
          ? optionsOf(org?.staff, (s) => s.name)
          : [];
  const idField = { location: 'locationId', department: 'departmentId', staff: 'staffId' } as const;
  const create = submit(async () => {
    await createLink(survey.id, { scope, ...(scope !== 'organisation' && target ? { [idField[scope]]: target } : {}), ...(label.trim() ? { label: label.trim() } : {}), locale: locale || null });
    setLabel('');
    await links.reload();
  });

  return (
    <section className="card" data-testid="sv-links">
      {canEdit && (
        <form className="form-row sv-link-form" onSubmit={create}>
          <Field label={t('surveys.scope')}>
            <EnumSelect
              name="scope"
              values={STAFF_SCOPES}
              labelOf={(v) => t(`surveys.scope.${v}`)}
              value={scope}
              onChange={(v) => {
                setScope(v);
                setTarget('');
              }}
            />
          </Field>
          {scope !== 'organisation' && (
            <Field label={t(`surveys.scope.${scope}`)}>
              <Select name="target" options={targets} value={target} onChange={setTarget} emptyLabel="—" required />
            </Field>
          )}
          <Field label={t('surveys.linkLabel')} optional>
            <input name="label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
          </Field>
          <Field label={t('surveys.linkLocale')}>
            <EnumSelect name="locale" values={locales.map((l) => l.id)} labelOf={(l) => LANGUAGE_NAMES[l]} value={locale} onChange={(v) => setLocale(v ?? '')} emptyLabel={t('surveys.orgDefault')} />
          </Field>
          <button type="submit" className="btn btn-primary field-button" disabled={busy || (scope !== 'organisation' && !target)}>
            {t('surveys.createLink')}
          </button>
        </form>
      )}
      <FormError error={error} />
      <RecordTable<SurveyLink>
        items={links.data}
        emptyTitle={t('surveys.noLinks')}
        emptyHint={t('surveys.noLinksHint')}
        testId="sv-link-table"
        columns={[
          { header: t('surveys.scope'), render: (l) => t(`surveys.scope.${l.scope}`) },
          { header: t('surveys.linkLabel'), render: (l) => l.label || '—' },
          { header: t('surveys.lang'), render: (l) => (l.locale ? LANGUAGE_NAMES[l.locale] : '—') },
          {
            header: t('surveys.url'),
            cellClassName: 'sv-url-cell',
            render: (l) => (
              <span className="sv-url">
                <code>{l.url}</code> <CopyButton text={l.url} />
              </span>
            ),
          },
          { header: t('surveys.responses'), className: 'num', render: (l) => l.responseCount },
          { header: t('surveys.updated'), cellClassName: 'nowrap small', render: (l) => (l.disabledAt ? `${t('surveys.disabled')} ${formatDate(l.disabledAt)}` : formatDate(l.createdAt)) },
        ]}
        actions={(l) => (
          <span className="sv-link-actions">
            <a className="btn btn-small" href={linkFile(l.id, 'qr.png')} download>
              {t('surveys.png')}
            </a>
            <a className="btn btn-small" href={linkFile(l.id, 'qr.svg')} download>
              {t('surveys.svg')}
            </a>
            <a className="btn btn-small" href={linkFile(l.id, 'card.pdf')} download>
              {t('surveys.card')}
            </a>
            {can('surveys.manage') && !l.disabledAt && (
              <ConfirmButton question={t('surveys.confirmDisable')} onConfirm={() => void run(async () => (await disableLink(l.id), links.reload()))}>
                {t('surveys.disable')}
              </ConfirmButton>
            )}
          </span>
        )}
      />
    </section>
  );
}
