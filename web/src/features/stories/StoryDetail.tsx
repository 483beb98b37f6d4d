import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { navigate } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getStory, markTakenDown, revokeConsent, reviewStory, storyPhotoUrl, withdrawStory } from './api.ts';
import { StatusBadge } from './chips.tsx';

/** One story: text, photo and video; review; consents with revoke; where it is used (flags, taken down); the compliance matrix for the organisation's market. */
export function StoryDetailView({ id }: { id: string }) {
  const { t, formatDate, locale } = useI18n();
  const { can, notify, reportError } = useApp();
  const manage = can('stories.manage');
  const detail = useResource(() => getStory(id), [id]);
  const [note, setNote] = useState('');
  const d = detail.data;
  if (!d) return <div className="page page-wide">{detail.error ? <p className="form-error">{t('sty.notFound')}</p> : <Spinner />}</div>;
  const s = d.story;

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notify(done);
      await detail.reload();
    } catch (error) {
      reportError(error);
    }
  };
  const day = (iso: string | null) => (iso ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`)) : t('sty.untilRevoked'));
  const flagged = d.uses.filter((u) => u.flaggedAt && !u.takenDownAt);

  return (
    <div className="page page-wide sty-page sty-detail" data-testid="story-detail">
      <p>
        <a
          href="/stories"
          className="btn-link"
          onClick={(e) => {
            e.preventDefault();
            navigate('/stories');
          }}
        >
          ← {t('nav.stories')}
        </a>
      </p>
      <div className="sty-head">
        <h1>{s.title || t('sty.untitled')}</h1>
        <StatusBadge status={s.status} />
      </div>
      {flagged.length > 0 && (
        <p className="sty-alert" role="alert" data-testid="story-flag-alert">
          {t('sty.flaggedAlert', { n: flagged.length })}
        </p>
      )}
      <div className="sty-grid">
        <section className="card">
          <h2>{t('sty.story')}</h2>
          <div className="sty-body" lang={s.locale}>
            {s.body.split(/\n{2,}/).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
          {s.authorName && <p className="muted">— {s.authorName}</p>}
          {s.hasPhoto && <img className="sty-photo" src={storyPhotoUrl(s.id)} alt={t('sty.photoAlt')} />}
          {s.videoUrl && /^https?:\/\//i.test(s.videoUrl) && (
            <p>
              <a href={s.videoUrl} target="_blank" rel="noreferrer noopener">
                {t('sty.video')}
              </a>
            </p>
          )}
          <dl className="meta-grid small">
            <dt>{t('sty.col.source')}</dt>
            <dd>
              {t(`sty.source.${s.source}`)}
              {s.createdByName ? ` · ${s.createdByName}` : ''}
            </dd>
            <dt>{t('sty.col.received')}</dt>
            <dd>{formatDate(s.createdAt)}</dd>
            {s.departmentName && (
              <>
                <dt>{t('sty.department')}</dt>
                <dd>{s.departmentName}</dd>
              </>
            )}
            {s.staffName && (
              <>
                <dt>{t('sty.doctor')}</dt>
                <dd>{s.staffName}</dd>
              </>
            )}
            <dt>{t('sty.material')}</dt>
            <dd>{t(`sty.material.${s.materialConnection}`)}</dd>
            {s.reviewedAt && (
              <>
                <dt>{t('sty.reviewed')}</dt>
                <dd>
                  {formatDate(s.reviewedAt)} {s.reviewedByName ? `· ${s.reviewedByName}` : ''} {s.reviewNote ? `· ${s.reviewNote}` : ''}
                </dd>
              </>
            )}
          </dl>
          {manage && s.status !== 'withdrawn' && (
            <div className="sty-review">
              <Field label={t('sty.reviewNote')} optional>
                <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
              </Field>
              <div className="form-actions">
                {s.status !== 'approved' && (
                  <button type="button" className="btn btn-primary" onClick={() => void act(() => reviewStory(s.id, 'approve', note), t('sty.approved'))}>
                    {t('sty.approve')}
                  </button>
                )}
                {s.status !== 'rejected' && (
                  <button type="button" className="btn" onClick={() => void act(() => reviewStory(s.id, 'reject', note), t('sty.rejected'))}>
                    {t('sty.reject')}
                  </button>
                )}
                <ConfirmButton className="btn btn-danger" question={t('sty.withdrawQuestion')} onConfirm={() => void act(() => withdrawStory(s.id), t('sty.withdrawn'))}>
                  {t('sty.withdraw')}
                </ConfirmButton>
              </div>
            </div>
          )}
          {s.status === 'approved' && (
            <div className="form-actions sty-links">
              <a className="btn" href={`/content?tab=posters&story=${s.id}`}>
                {t('sty.makePoster')}
              </a>
              <a className="btn" href={`/content?tab=calendar&story=${s.id}`}>
                {t('sty.planPost')}
              </a>
              <a className="btn" href={`/story/${s.id}`} target="_blank" rel="noreferrer">
                {t('sty.publicPage')}
              </a>
            </div>
          )}
        </section>

        <section className="card" data-testid="story-compliance">
          <h2>{t('sty.compliance', { market: t(`sty.market.${d.market}`) })}</h2>
          <p className="muted small">{t('sty.complianceHint')}</p>
          <ul className="sty-matrix">
            {d.compliance.map((c) => (
              <li key={c.use} className={c.allowed ? 'ok' : 'blocked'} data-use={c.use} data-allowed={c.allowed}>
                <div className="sty-matrix-head">
                  <strong>{t(`sty.use.${c.use}`)}</strong>
                  <span className={`badge ${c.allowed ? 'badge-positive' : 'badge-negative'}`}>{c.allowed ? t('sty.allowed') : t('sty.blocked')}</span>
                  <span className="muted small">{t(`sty.channel.${c.channel as 'website'}`)}</span>
                </div>
                {c.findings.length > 0 && (
                  <ul className="sty-findings">
                    {c.findings.map((f) => (
                      <li key={f.rule} className={f.severity}>
                        <span className={`badge ${f.severity === 'block' ? 'badge-negative' : 'badge-neutral'}`}>{t(`sty.severity.${f.severity}`)}</span> {f.text}
                        {f.law && <small className="muted sty-law">{f.law}</small>}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>

        <section className="card" data-testid="story-consents">
          <h2>{t('sty.consents')}</h2>
          {d.consents.length === 0 && <p className="muted">{t('sty.noConsents')}</p>}
          <ul className="sty-consents">
            {d.consents.map((c) => (
              <li key={c.id} data-use={c.use} data-state={c.state}>
                <div className="sty-matrix-head">
                  <strong>{t(`sty.use.${c.use}`)}</strong>
                  <span className={`chip ${c.state === 'live' ? 'chip-positive' : c.state === 'expiring' ? 'sty-chip-warn' : c.state === 'pending' ? '' : 'chip-negative'}`}>
                    {t(`sty.state.${c.state}`)}
                  </span>
                </div>
                <p className="small">{c.channels.map((ch) => t(`sty.channel.${ch as 'website'}`)).join(', ')}</p>
                <p className="small muted">
                  {day(c.validFrom)} – {day(c.validUntil)} · {t(`sty.via.${c.grantedVia}`)}
                  {c.revokedAt ? ` · ${t('sty.revokedAt', { date: formatDate(c.revokedAt), via: c.revokedVia ? t(`sty.via.${c.revokedVia}`) : '' })}` : ''}
                </p>
                <blockquote className="small sty-consent-text" lang={c.consentLocale}>
                  {c.consentText}
                </blockquote>
                {manage && !c.revokedAt && (
                  <ConfirmButton
                    className="btn btn-small btn-danger"
                    question={t('sty.revokeQuestion', { use: t(`sty.use.${c.use}`) })}
                    onConfirm={() => void act(() => revokeConsent(c.id), t('sty.revokedDone'))}
                  >
                    {t('sty.revoke')}
                  </ConfirmButton>
                )}
              </li>
            ))}
          </ul>
        </section>

        <section className="card" data-testid="story-uses">
          <h2>{t('sty.uses')}</h2>
          {d.uses.length === 0 && <p className="muted">{t('sty.noUses')}</p>}
          <ul className="sty-uses">
            {d.uses.map((u) => (
              <li key={u.id} className={u.flaggedAt && !u.takenDownAt ? 'flagged' : u.takenDownAt ? 'down' : ''} data-kind={u.kind} data-flagged={u.flaggedAt ? 'true' : 'false'}>
                <div className="sty-matrix-head">
                  <strong>{t(`sty.kind.${u.kind}`)}</strong>
                  <span>{u.label}</span>
                  <span className="muted small">
                    {t(`sty.use.${u.use}`)} · {t(`sty.channel.${u.channel as 'website'}`)}
                  </span>
                </div>
                <p className="small muted">
                  {u.ownerName ? `${t('sty.owner')}: ${u.ownerName} · ` : ''}
                  {formatDate(u.createdAt)}
                </p>
                {u.flaggedAt && (
                  <p className="small">
                    <span className="badge badge-negative">{t(`sty.flag.${u.flagReason ?? 'consent_revoked'}`)}</span> {formatDate(u.flaggedAt)}
                    {u.takenDownAt && <span className="muted"> · {t('sty.takenDownAt', { date: formatDate(u.takenDownAt), who: u.takenDownByName ?? '' })}</span>}
                  </p>
                )}
                {manage && u.flaggedAt && !u.takenDownAt && (
                  <button type="button" className="btn btn-small btn-primary" onClick={() => void act(() => markTakenDown(u.id), t('sty.takenDownDone'))}>
                    {t('sty.markTakenDown')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
