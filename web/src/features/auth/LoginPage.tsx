import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { Me } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { login } from './api.ts';
import './auth.css';

export function LoginPage({ onLogin }: { onLogin(user: Me): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Outside the app there are no banners: every failure is said on the form.
  const { busy, error, submit } = useSubmit('all');

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <form className="login-card" onSubmit={submit(async () => onLogin((await login(email, password)).user))}>
        <div className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            V
          </span>
          <div className="brand-name">{t('app.name')}</div>
        </div>
        <h1>{t('login.title')}</h1>
        <p className="muted">{t('login.subtitle')}</p>
        <FormError error={error} />
        <Field label={t('login.email')}>
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
        <Field label={t('login.password')}>
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('login.signingIn') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
