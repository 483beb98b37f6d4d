import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { conversionKinds } from '../../lib/vocab.ts';
import { CardHead } from '../../ui/CardHead.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { CheckField } from '../../ui/Field.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { disableLink, listLinks, qrUrl, type Made, type ShareLink } from './api.ts';
import { MakeLinkForm } from './MakeLinkForm.tsx';

/** The links with their figures; making one, its QR code, copying and disabling it. */
export function LinksTab() {
  const { t, formatDate, formatNumber } = useI18n();
  const { can, notify, reportError } = useApp();
  const manage = can('sharing.manage');
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [qr, setQr] = useState<ShareLink | null>(null);
  const [page, setPage] = useState(1);
  const [disabled, setDisabled] = useState(false);
  const links = useResource(() => listLinks({ page, disabled }), [page, disabled]);
  const data = links.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  const done = async (result: Made | null) => {
    setMaking(false);
    if (result) {
      setMade(result);
      setQr(result.link);
      setPage(1);
      await links.reload();
    }
  };
  const disable = async (link: ShareLink) => {
    try {
      await disableLink(link.id);
      notify(t('shr.disabledDone'));
      if (qr?.id === link.id) setQr(null);
      await links.reload();
    } catch (error) {
      reportError(error);
    }
  };
  const came = (l: ShareLink) => conversionKinds.filter((k) => l.conversions[k] > 0).map((k) => `${formatNumber(l.conversions[k])} ${t(`shr.conv.${k}`)}`);
  const target = (l: ShareLink) => (l.targetKind === 'article' ? (l.targetUrl ?? '') : (l.targetName ?? ''));

  return (
    <div className="shr-links">
      <section className="card" data-testid="share-links">
        {making ? null : <CardHead title={t('shr.links')} newLabel={t('shr.newLink')} onNew={manage ? () => setMaking(true) : undefined} />}
        <p className="muted small">{t('shr.linksHint')}</p>
        {making && <MakeLinkForm onDone={done} />}
        {made && made.warnings.length > 0 && (
          <div className="notice shr-warnings" role="status">
            <strong>{t('shr.warnings')}</strong>
            <ul>
              {made.warnings.map((w) => (
                <li key={w.rule}>
                  {w.text}
                  {w.law ? <span className="muted small"> · {w.law}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        )}
        {qr && (
          <div className="shr-qr" data-testid="share-qr">
            <img src={qrUrl(qr.id, 'svg')} width={168} height={168} alt={t('shr.qrTitle', { code: qr.code })} />
            <div className="shr-qr-side">
              <strong>{t('shr.qrTitle', { code: qr.code })}</strong>
              <div className="shr-url">
                <code data-testid="share-url">{qr.url}</code>
                <CopyButton text={qr.url} />
              </div>
              <div className="shr-qr-actions">
                <a className="btn btn-small" href={qrUrl(qr.id, 'png')} download>
                  {t('shr.qrPng')}
                </a>
                <a className="btn btn-small" href={qrUrl(qr.id, 'svg')} download>
                  {t('shr.qrSvg')}
                </a>
                <button type="button" className="btn btn-small" onClick={() => setQr(null)}>
                  {t('shr.close')}
                </button>
              </div>
            </div>
          </div>
        )}
        <div className="shr-toolbar">
          <CheckField
            name="disabled"
            label={t('shr.showDisabled')}
            checked={disabled}
            onChange={(v) => {
              setDisabled(v);
              setPage(1);
            }}
          />
          {data && data.total > 0 && <span className="muted small">{t('shr.total', { n: formatNumber(data.total) })}</span>}
        </div>
        <RecordTable
          items={(data?.items ?? null) as ShareLink[] | null}
          emptyTitle={t('shr.noLinks')}
          emptyHint={t('shr.noLinksHint')}
          testId="links"
          columns={[
            {
              header: t('shr.col.link'),
              render: (l) => (
                <>
                  <span className="strong">{l.label || l.code}</span>
                  <div className="muted small">
                    <code>{l.code}</code>
                    {l.depth > 0 ? ` · ${t('shr.reshare', { n: l.depth })}` : null}
                    {l.byPatient ? ` · ${t('shr.byPatient')}` : null}
                    {l.disabledAt ? <span className="badge"> {t('shr.disabled')}</span> : null}
                  </div>
                </>
              ),
            },
            {
              header: t('shr.col.target'),
              cellClassName: 'cell-clip small',
              title: (l) => target(l),
              render: (l) => (
                <>
                  <span className="badge">{t(`shr.kind.${l.targetKind}`)}</span> {target(l)}
                </>
              ),
            },
            { header: t('shr.col.channel'), render: (l) => (l.channel ? t(`shr.channel.${l.channel}`) : <span className="muted">{t('shr.noChannel')}</span>) },
            { header: t('shr.col.visitors'), className: 'num', cellClassName: 'num', render: (l) => <span data-testid="visitors">{formatNumber(l.visitors)}</span> },
            { header: t('shr.col.bots'), className: 'num', cellClassName: 'num muted', render: (l) => <span data-testid="bots">{formatNumber(l.botClicks)}</span> },
            { header: t('shr.col.reach'), className: 'num', cellClassName: 'num', title: () => t('shr.reachHint'), render: (l) => formatNumber(l.reach) },
            { header: t('shr.col.conversions'), cellClassName: 'small', render: (l) => came(l).join(', ') || <span className="muted">—</span> },
            { header: t('shr.col.made'), cellClassName: 'nowrap small', render: (l) => formatDate(l.createdAt, false) },
          ]}
          actions={(l) => (
            <>
              <button type="button" className="btn btn-small" onClick={() => setQr(l)}>
                {t('shr.qr')}
              </button>
              <CopyButton text={l.url} />
              {manage && !l.disabledAt && (
                <ConfirmButton className="btn btn-small btn-danger" question={t('shr.disableQ', { code: l.code })} onConfirm={() => void disable(l)}>
                  {t('shr.disable')}
                </ConfirmButton>
              )}
            </>
          )}
        />
        {pages > 1 && (
          <div className="shr-pager">
            <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              ‹
            </button>
            <span className="muted small">
              {page} / {pages}
            </span>
            <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              ›
            </button>
          </div>
        )}
      </section>
    </div>
  );
}
