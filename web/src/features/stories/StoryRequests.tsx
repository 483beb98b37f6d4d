import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { createRequest, disableRequest, listRequests, requestQrUrl, type StoryRequest } from './api.ts';

const LOCALES = ['zh-CN', 'ru', 'en'] as const;

/** Story requests: a general link and QR for the desk, or one for a patient; each opens the story form. */
export function StoryRequests() {
  const { t, formatDate } = useI18n();
  const { can, notify, reportError } = useApp();
  const manage = can('stories.manage');
  const requests = useResource(() => listRequests().then((r) => r.items), []);
  const [label, setLabel] = useState('');
  const [locale, setLocale] = useState<(typeof LOCALES)[number] | ''>('');
  const { busy, error, submit } = useSubmit('invalid');
  const [shown, setShown] = useState<string | null>(null);

  const make = () =>
    createRequest({ label, locale: locale || null }).then(async (r) => {
      setLabel('');
      setShown(r.request.id);
      notify(t('sty.req.made'));
      await requests.reload();
    });
  const disable = async (r: StoryRequest) => {
    try {
      await disableRequest(r.id);
      await requests.reload();
    } catch (e) {
      reportError(e);
    }
  };

  return (
    <section className="card" data-testid="story-requests">
      <p className="muted small">{t('sty.req.hint')}</p>
      {manage && (
        <form className="form-row" onSubmit={submit(make)}>
          <Field label={t('sty.req.label')} hint={t('sty.req.labelHint')}>
            <input type="text" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
          </Field>
          <Field label={t('sty.req.locale')}>
            <EnumSelect values={LOCALES} value={locale} onChange={setLocale} emptyLabel={t('sty.req.anyLocale')} labelOf={(l) => t(`sty.locale.${l}`)} />
          </Field>
          <div className="field field-button">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('sty.req.make')}
            </button>
          </div>
          <FormError error={error} />
        </form>
      )}
      <RecordTable<StoryRequest>
        items={requests.data}
        emptyTitle={t('sty.req.empty')}
        testId="story-request-list"
        columns={[
          { header: t('sty.req.label'), cellClassName: 'strong', render: (r) => r.label || (r.patientName ? t('sty.req.forPatient', { name: r.patientName }) : t('sty.req.general')) },
          { header: t('sty.req.link'), cellClassName: 'cell-clip small', title: (r) => r.url, render: (r) => <a href={r.url}>{r.url.replace(/^https?:\/\//, '')}</a> },
          { header: t('sty.req.stories'), className: 'num', render: (r) => r.stories },
          { header: t('sty.req.created'), cellClassName: 'nowrap small', render: (r) => formatDate(r.createdAt) },
          {
            header: t('sty.req.state'),
            render: (r) => (r.disabledAt ? <span className="badge badge-negative">{t('sty.req.closed')}</span> : <span className="badge badge-positive">{t('sty.req.open')}</span>),
          },
        ]}
        actions={(r) => (
          <>
            <CopyButton text={r.url} />
            <button type="button" className="btn btn-small" onClick={() => setShown(shown === r.id ? null : r.id)}>
              {t('sty.req.qr')}
            </button>
            {manage && !r.disabledAt && (
              <ConfirmButton className="btn btn-small btn-danger" question={t('sty.req.closeQuestion')} onConfirm={() => void disable(r)}>
                {t('sty.req.close')}
              </ConfirmButton>
            )}
          </>
        )}
        detail={(r) =>
          shown === r.id ? (
            <div className="sty-qr">
              <img src={requestQrUrl(r.id)} alt={t('sty.req.qrAlt')} width={200} height={200} />
              <a className="btn btn-small" href={requestQrUrl(r.id)} download>
                {t('sty.req.downloadQr')}
              </a>
            </div>
          ) : null
        }
      />
    </section>
  );
}
