import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { answerQuestion, getEnrolment, photoUrl, renewLink, withdraw, type EnrolmentDetail } from './api.ts';
import { key, percent } from './labels.ts';

type Reading = EnrolmentDetail['readings'][number];
type Question = EnrolmentDetail['questions'][number];

/** One enrolment: patient, consent, check-ins, readings, photos, questions with answers, tasks, the portal link, withdraw. */
export function EnrolmentPage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const detail = useResource(() => getEnrolment(id), [id], { quiet: true });
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const { busy, error, run } = useSubmit('refused');
  if (detail.loading && !detail.data) return <Spinner />;
  const d = detail.data;
  if (!d) return <EmptyState title={t('fu.notFound')} />;
  const e = d.enrolment;
  const work = can('followups.work') && e.status === 'active';
  const portal = link ?? d.portal;
  const metricName = (m: string) => t(key('fu.metric', m));

  return (
    <div className="page fu-page">
      <p>
        <Link href="/follow-ups/enrolments">← {t('fu.back')}</Link>
      </p>
      <section className="card">
        <h1 data-testid="fu-patient">{d.patient.name}</h1>
        <p>
          {e.planName} · {t(key('fu.enrolStatus', e.status))} · {t('fu.adherence')} {percent(e.adherence)} ({t('fu.adherenceOf', { onTime: e.onTime, due: e.due })})
        </p>
        <p className="small">
          {t('fu.contact')}: {d.patient.contactHidden ? t('fu.contactHidden') : [d.patient.phone, d.patient.email].filter(Boolean).join(' · ') || '—'}
        </p>
        <p className="small">
          {t('fu.consent')}:{' '}
          {d.consent ? t('fu.consentInfo', { version: d.consent.version, locale: d.consent.locale, at: formatDate(d.consent.at), hash: d.consent.sha256.slice(0, 12) }) : t('fu.noConsent')}
        </p>
        {d.consent && <blockquote className="small fu-consent">{d.consent.text}</blockquote>}
        {e.withdrawnAt && <p>{t('fu.withdrawnAt', { date: formatDate(e.withdrawnAt) })}</p>}
        {portal && (
          <div className="fu-link">
            <span className="small">{t('fu.portal')}:</span>
            <a className="cell-clip small" href={portal.url} target="_blank" rel="noreferrer">
              {portal.url}
            </a>
            <CopyButton text={portal.url} />
            <span className="small">{t('fu.portalUntil', { date: formatDate(portal.expiresAt, false) })}</span>
          </div>
        )}
        {work && (
          <div className="form-row">
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run(async () => setLink(await renewLink(id)))}>
              {t('fu.renew')}
            </button>
            <ConfirmButton question={t('fu.withdrawQuestion')} disabled={busy} onConfirm={() => void run(async () => (await withdraw(id), await detail.reload()))} data-testid="fu-withdraw">
              {t('fu.withdraw')}
            </ConfirmButton>
          </div>
        )}
        <FormError error={error} />
      </section>
      <section className="card">
        <h2>{t('fu.readingsTitle')}</h2>
        <RecordTable<Reading>
          items={[...d.readings].reverse()}
          emptyTitle={t('fu.noReadings')}
          testId="fu-readings"
          compact
          columns={[
            { header: t('fu.readings'), render: (r) => metricName(r.metric) },
            {
              header: t('fu.value'),
              className: 'num',
              render: (r) => (
                <>
                  {r.value} {r.unit} {r.outOfRange && <span className="badge badge-negative">{t('fu.outOfRange')}</span>}
                </>
              ),
            },
            { header: t('fu.range'), cellClassName: 'small', render: (r) => (r.normalLow !== null && r.normalHigh !== null ? `${r.normalLow}–${r.normalHigh}` : '—') },
            { header: t('fu.recorded'), cellClassName: 'nowrap small', render: (r) => formatDate(r.recordedAt) },
          ]}
        />
      </section>
      {d.answers.length > 0 && (
        <section className="card">
          <h2>{t('fu.answers')}</h2>
          {d.answers.map((a) => (
            <div key={a.id} className="fu-question">
              <p className="small">
                {formatDate(a.answeredAt)} · {a.question}
              </p>
              <p className="fu-answer">{a.answer}</p>
            </div>
          ))}
        </section>
      )}
      <section className="card">
        <h2>{t('fu.photos')}</h2>
        {d.photos.length ? (
          <div className="fu-photos">
            {d.photos.map((p) => (
              <a key={p.id} href={photoUrl(p.id)} target="_blank" rel="noreferrer">
                <img src={photoUrl(p.id)} alt={`${t('fu.photo')} ${formatDate(p.createdAt)}`} loading="lazy" />
              </a>
            ))}
          </div>
        ) : (
          <p className="small">{t('fu.noPhotos')}</p>
        )}
      </section>
      <section className="card">
        <h2>{t('fu.questions')}</h2>
        {d.questions.length ? d.questions.map((q) => <QuestionItem key={q.id} q={q} canAnswer={work} onAnswered={detail.reload} />) : <p className="small">{t('fu.noQuestions')}</p>}
      </section>
      <section className="card">
        <h2>{t('fu.checkins')}</h2>
        <ul className="fu-checkins">
          {d.checkins.map((c) => (
            <li key={c.id}>
              {formatDate(c.dueAt, false)} — {t(key('fu.checkinStatus', c.status))}
            </li>
          ))}
        </ul>
        <h2>{t('fu.tasks')}</h2>
        <ul className="fu-checkins">
          {d.tasks.map((x) => (
            <li key={x.id}>
              {x.priority === 'urgent' && <span className="badge badge-negative">{t('fu.urgent')}</span>} {t(key('fu.task', x.kind))} — {formatDate(x.dueAt)} — {t(key('fu.taskStatus', x.status))}
              {x.note && <span className="small"> · {x.note}</span>}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function QuestionItem({ q, canAnswer, onAnswered }: { q: Question; canAnswer: boolean; onAnswered(): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const [answer, setAnswer] = useState('');
  const { busy, error, submit } = useSubmit('invalid');
  return (
    <div className="fu-question">
      <p>
        <span className="small">{formatDate(q.askedAt)}</span> {q.text}
      </p>
      {q.answer ? (
        <p className="fu-answer">
          {q.answer} <span className="small">— {t('fu.answeredBy', { name: q.answeredByName ?? '' })}</span>
        </p>
      ) : (
        canAnswer && (
          <form
            className="form-row"
            onSubmit={submit(async () => {
              await answerQuestion(q.id, answer.trim());
              setAnswer('');
              await onAnswered();
            })}
          >
            <label className="fu-grow">
              {t('fu.answer')}
              <textarea value={answer} onChange={(e) => setAnswer(e.target.value)} maxLength={4000} required />
            </label>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('fu.sendAnswer')}
            </button>
            <FormError error={error} />
          </form>
        )
      )}
    </div>
  );
}
