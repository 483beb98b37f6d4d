import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { makeLink, patientReferrals, qrUrl, type Reward } from './api.ts';
import { Reasons, StatusBadge, useRewardText } from './parts.tsx';
import './referrals.css';

/** The patient page's referral panel: the patient's link, code to read out and QR, who referred them, and their rewards. Hidden for roles without referrals.read. */
export function PatientReferrals({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const { can } = useApp();
  const data = useResource(() => patientReferrals(patientId), [patientId], { quiet: true });
  const { busy, error, run } = useSubmit('refused');
  const rewardText = useRewardText();
  if (!can('referrals.read') || (data.error instanceof ApiError && data.error.status === 403)) return null;
  const make = () =>
    run(async () => {
      await makeLink(patientId);
      await data.reload();
    });
  const d = data.data;
  return (
    <section className="card ref-panel" data-testid="patient-referrals">
      <h3>{t('ref.panel')}</h3>
      <p className="muted small">{t('ref.panelHint')}</p>
      {d?.referredBy.map((r) => r.referrer && <p key={r.id}>{t('ref.referredBy', { name: r.referrer.name })}</p>)}
      {d && d.links.length === 0 && <p>{t('ref.noLink')}</p>}
      {d?.links.map((link) => (
        <div key={link.id} className="ref-link" data-testid="referral-link">
          <img src={qrUrl(link.id, 'svg')} alt={`QR ${link.code}`} />
          <div>
            <div className="muted small">{link.programmeName}</div>
            <div className="muted small">{t('ref.readOut')}</div>
            <div className="ref-code" data-testid="referral-code">
              {link.code}
            </div>
            <p className="ref-url">
              <a href={link.url} target="_blank" rel="noreferrer" data-testid="referral-url">
                {link.url}
              </a>{' '}
              <CopyButton text={link.url} />
            </p>
            <p className="small">
              {t('ref.clicks')}: {link.clicks} · {t('ref.referralsCount')}: {link.referrals} · <a href={qrUrl(link.id, 'png')}>{t('ref.qrPng')}</a> ·{' '}
              <a href={qrUrl(link.id, 'svg')}>{t('ref.qrSvg')}</a>
            </p>
          </div>
        </div>
      ))}
      {can('referrals.review') && d && (
        <p>
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void make()}>
            {t('ref.makeLink')}
          </button>
        </p>
      )}
      {error && <p className="form-error">{error}</p>}
      {d && d.rewards.length > 0 && (
        <RecordTable<Reward>
          items={d.rewards}
          emptyTitle={t('ref.noRewards')}
          compact
          columns={[
            { header: t('ref.role'), render: (r) => t(`ref.role.${r.role}`) },
            { header: t('ref.reward'), render: (r) => rewardText(r) },
            { header: t('ref.status'), render: (r) => <StatusBadge status={r.status} label={t(`ref.rwstatus.${r.status}`)} /> },
            { header: t('ref.reasons'), render: (r) => <Reasons reasons={r.holdReasons} /> },
          ]}
        />
      )}
    </section>
  );
}
