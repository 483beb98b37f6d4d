import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { Modal } from '../../ui/Modal.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getEvidence, type Advocate, type ListFilter } from './api.ts';
import { InviteStatus, PromoterBadge, ScoreBars } from './parts.tsx';

/** The evidence behind one score: each converted referral, each shared link with its reach, each positive post, the promoter answer. */
export function EvidenceDialog({ advocate, period, onClose, onInvite }: { advocate: Advocate; period: Pick<ListFilter, 'from' | 'to'>; onClose(): void; onInvite: (() => void) | null }) {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const ev = useResource(() => getEvidence(advocate, period), [advocate.id, period.from, period.to]);
  const d = ev.data;
  const none = <p className="muted small">{t('adv.detail.none')}</p>;
  return (
    <Modal title={advocate.name} onClose={onClose}>
      <div className="adv-evidence" data-testid="adv-evidence">
        <p className="adv-who">
          <span className="adv-score">{advocate.score}</span>
          <span className="muted small">{advocate.kind === 'author' ? t('adv.author', { platform: advocate.platform ?? '' }) : t('adv.patient')}</span>
          {advocate.promoter && <PromoterBadge nps={advocate.latestNps} />}
          <InviteStatus status={advocate.invitation?.status ?? null} />
        </p>
        <ScoreBars advocate={advocate} max={advocate.score} />
        {!d ? (
          <Spinner />
        ) : (
          <>
            {d.contact && (
              <p className="small">
                {d.contact.optedOut ? (
                  t('adv.detail.optedOut')
                ) : d.contact.hasEmail || d.contact.hasPhone ? (
                  <>
                    {t('adv.detail.contact')}: {[d.contact.hasEmail && t('adv.channel.email'), d.contact.hasPhone && t('adv.channel.sms'), t('adv.channel.in_person')].filter(Boolean).join(', ')}
                  </>
                ) : (
                  t('adv.detail.noContact')
                )}
                {advocate.kind === 'patient' && can('patients.read') && (
                  <>
                    {' · '}
                    <Link href={`/patients/${advocate.id}`}>{t('adv.detail.profile')}</Link>
                  </>
                )}
              </p>
            )}
            {advocate.kind === 'patient' && (
              <>
                <h3>
                  {t('adv.detail.referrals')} ({d.referrals.length})
                </h3>
                {d.referrals.length === 0 ? (
                  none
                ) : (
                  <ul>
                    {d.referrals.map((r) => (
                      <li key={r.id}>
                        {r.programmeName} · {t(`adv.referral.${r.status}` as MessageKey)} · {formatDate(String(r.visitedAt ?? r.createdAt), false)}
                      </li>
                    ))}
                  </ul>
                )}
                {d.referrals.length > 0 && can('referrals.read') && <Link href="/referrals">{t('adv.detail.openReferrals')} →</Link>}
                <h3>
                  {t('adv.detail.links')} ({d.links.length})
                </h3>
                {d.links.length === 0 ? (
                  none
                ) : (
                  <ul>
                    {d.links.map((l) => (
                      <li key={l.id}>
                        <code>{l.code}</code> {l.label} {l.channel ? `· ${l.channel}` : ''} · {t('adv.detail.reach', { n: l.reach })} · {formatDate(String(l.createdAt), false)}
                        {l.disabledAt ? ` · ${t('adv.detail.disabled')}` : ''}
                      </li>
                    ))}
                  </ul>
                )}
                {d.links.length > 0 && can('sharing.read') && <Link href="/sharing">{t('adv.detail.openSharing')} →</Link>}
                <h3>{t('adv.detail.promoter')}</h3>
                {d.promoterResponse ? (
                  <p>
                    {d.promoterResponse.nps} · {formatDate(String(d.promoterResponse.submittedAt), false)}
                  </p>
                ) : (
                  none
                )}
              </>
            )}
            {advocate.kind === 'author' && (
              <>
                <h3>
                  {t('adv.detail.mentions')} ({d.mentions.length})
                </h3>
                {d.mentions.length === 0 ? (
                  none
                ) : (
                  <ul>
                    {d.mentions.map((m) => (
                      <li key={m.id}>
                        “{m.excerpt}”{' '}
                        <span className="muted small">
                          {m.sourceName} · {formatDate(String(m.at), false)}
                          {m.engagement !== null ? ` · ${t('adv.detail.engagement', { n: m.engagement })}` : ''}
                        </span>{' '}
                        {can('mentions.read') && <Link href={`/inbox?mention=${encodeURIComponent(m.id)}`}>{t('adv.detail.openMention')}</Link>}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </>
        )}
        {onInvite && (
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={onInvite}>
              {t('adv.invite')}
            </button>
          </div>
        )}
      </div>
    </Modal>
  );
}
