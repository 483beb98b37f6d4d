import './settings.css';
import { useState } from 'react';
import { locales, useI18n, type Locale } from '../../i18n/index.tsx';
import { api } from '../../lib/api.ts';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Select } from '../../ui/Select.tsx';

/**
 * The organisation itself: its name and time zone as set up, and its default language, the one
 * notifications and e-mail are written in for users who never chose theirs.
 */
export function OrganisationTab() {
  const { t } = useI18n();
  const { org, reloadOrg, notify } = useApp();
  const [locale, setLocale] = useState<Locale | ''>('');
  const { busy, error, submit } = useSubmit('invalid');
  if (!org) return null;
  const current = org.org.defaultLocale;
  const chosen = locale || current;

  const save = async () => {
    await api('/api/org', { method: 'PATCH', body: { defaultLocale: chosen } });
    await reloadOrg();
    setLocale('');
    notify(t('common.saved'));
  };

  return (
    <section className="card">
      <dl className="meta-grid org-facts">
        <div>
          <dt>{t('common.name')}</dt>
          <dd>{org.org.name}</dd>
        </div>
        <div>
          <dt>{t('location.timezone')}</dt>
          <dd>{org.org.timezone}</dd>
        </div>
      </dl>
      <form onSubmit={submit(save)} data-testid="org-form">
        <Field label={t('org.defaultLocale')} hint={t('org.defaultLocaleHint')}>
          <Select name="defaultLocale" value={chosen} onChange={(v) => setLocale(v)} options={locales.map((l) => ({ value: l.id, label: l.label }))} />
        </Field>
        <FormError error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy || chosen === current}>
          {t('common.save')}
        </button>
      </form>
    </section>
  );
}
