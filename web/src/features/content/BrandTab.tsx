import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useNotices } from '../../lib/notices.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Check, Field } from '../../ui/Field.tsx';
import { getBrand, logoUrl, saveBrand } from './api.ts';

/** WCAG 2 contrast of white text on #rrggbb (the server checks the same; this is the live hint). */
function contrast(hex: string): number | null {
  if (!/^#[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return Math.floor((1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)) * 10) / 10;
}

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/** The logo, colours (with the contrast of white text on the primary one), tagline and website that posters use. */
export function BrandTab() {
  const { t } = useI18n();
  const { can } = useApp();
  const { notify } = useNotices();
  const manage = can('content.manage');
  const brand = useResource(() => getBrand().then((r) => r.brand), []);
  const [primary, setPrimary] = useState('#0f766e');
  const [accent, setAccent] = useState('#f59e0b');
  const [tagline, setTagline] = useState('');
  const [website, setWebsite] = useState('');
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [removeLogo, setRemoveLogo] = useState(false);
  const form = useSubmit('invalid');
  useEffect(() => {
    const b = brand.data;
    if (!b) return;
    setPrimary(b.primaryColor);
    setAccent(b.accentColor);
    setTagline(b.tagline);
    setWebsite(b.website);
  }, [brand.data]);
  const b = brand.data;
  const ratio = contrast(primary);
  const level = ratio === null ? null : ratio < 3 ? 'contrastLow' : ratio < 4.5 ? 'contrastWeak' : 'contrastOk';

  const save = form.submit(async () => {
    const result = await saveBrand({ primaryColor: primary, accentColor: accent, tagline, website, ...(removeLogo ? { logo: null } : logo ? { logo } : {}) });
    brand.setData(result.brand);
    setLogo(undefined);
    setRemoveLogo(false);
    notify([t('cnt.brand.saved'), ...result.warnings].join(' '));
  });

  return (
    <section className="card cnt-brand" data-testid="brand-settings">
      <p className="muted small">{t('cnt.brand.hint')}</p>
      <form onSubmit={save} className="cnt-brand-grid">
        <fieldset disabled={!manage || form.busy}>
          <Field label={t('cnt.brand.logo')} optional>
            <input
              type="file"
              accept="image/png,image/jpeg,image/svg+xml"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void readAsDataUrl(file).then(setLogo);
              }}
              name="logo"
            />
          </Field>
          {b?.hasLogo && <Check label={t('cnt.brand.removeLogo')} checked={removeLogo} onChange={setRemoveLogo} />}
          <div className="form-row cnt-form-row">
            <Field label={t('cnt.brand.primary')}>
              <span className="cnt-colour">
                <input type="color" value={/^#[0-9a-f]{6}$/i.test(primary) ? primary : '#000000'} onChange={(e) => setPrimary(e.target.value)} aria-label={t('cnt.brand.primary')} />
                <input value={primary} onChange={(e) => setPrimary(e.target.value)} maxLength={7} name="primary" />
              </span>
            </Field>
            <Field label={t('cnt.brand.accent')}>
              <span className="cnt-colour">
                <input type="color" value={/^#[0-9a-f]{6}$/i.test(accent) ? accent : '#000000'} onChange={(e) => setAccent(e.target.value)} aria-label={t('cnt.brand.accent')} />
                <input value={accent} onChange={(e) => setAccent(e.target.value)} maxLength={7} name="accent" />
              </span>
            </Field>
          </div>
          {ratio !== null && level && (
            <p className={`small cnt-contrast cnt-${level}`} data-testid="brand-contrast">
              {t('cnt.brand.contrast', { ratio: ratio.toFixed(1) })} — {t(`cnt.brand.${level}`)}
            </p>
          )}
          <Field label={t('cnt.brand.tagline')} optional>
            <input value={tagline} onChange={(e) => setTagline(e.target.value)} maxLength={120} name="tagline" />
          </Field>
          <Field label={t('cnt.brand.website')} optional>
            <input type="url" value={website} onChange={(e) => setWebsite(e.target.value)} maxLength={300} name="website" placeholder="https://" />
          </Field>
          {form.error && (
            <p className="form-error" role="alert">
              {form.error}
            </p>
          )}
          {manage && (
            <div className="form-actions">
              <button type="submit" className="btn btn-primary">
                {t('cnt.save')}
              </button>
            </div>
          )}
        </fieldset>
        <div className="cnt-brand-sample" aria-label={t('cnt.brand.sample')}>
          {logo ? (
            <img src={logo} alt={t('cnt.brand.logoAlt')} />
          ) : b?.hasLogo ? (
            <img src={logoUrl(String(b.updatedAt ?? ''))} alt={t('cnt.brand.logoAlt')} />
          ) : (
            <p className="muted small">{t('cnt.brand.noLogo')}</p>
          )}
          <div className="cnt-sample-band" style={{ background: /^#[0-9a-f]{6}$/i.test(primary) ? primary : undefined, borderBottomColor: accent }}>
            <strong>{tagline || t('cnt.brand.sample')}</strong>
            <span>{website.replace(/^https?:\/\//, '')}</span>
          </div>
        </div>
      </form>
    </section>
  );
}
