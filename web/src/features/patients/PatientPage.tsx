import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { getPatient, getTimeline, type Patient, type TimelineItem } from './api.ts';
import { PatientStories } from '../stories/PatientStories.tsx';
import { PatientReferrals } from '../referrals/PatientReferrals.tsx';

/** A patient's contact details when the API gives them; "hidden for your role" when it does not. */
export function ContactLine({ patient }: { patient: Pick<Patient, 'phone' | 'email' | 'contactHidden'> }) {
  const { t } = useI18n();
  if (patient.contactHidden) return <span className="muted">{t('pt.contactHidden')}</span>;
  const parts = [patient.phone, patient.email].filter((x): x is string => !!x);
  return parts.length ? <span>{parts.join(' · ')}</span> : <span className="muted">{t('pt.noContact')}</span>;
}

/** A language's name in the reader's language (中文, русский, English). */
function languageName(code: string, reader: string): string {
  return new Intl.DisplayNames([reader], { type: 'language' }).of(code) ?? code;
}

function kindClass(kind: string): string {
  if (kind === 'response') return 'pt-kind-response';
  if (kind === 'mention') return 'pt-kind-mention';
  if (kind === 'visit') return 'pt-kind-visit';
  if (kind.startsWith('followup.')) return kind.includes('urgent') || kind.includes('overdue') ? 'pt-kind-urgent' : 'pt-kind-followup';
  return kind === 'invitation.sent' ? 'pt-kind-invitation' : 'pt-kind-muted';
}

function Entry({ item }: { item: TimelineItem }) {
  const { t, formatDate } = useI18n();
  return (
    <li className={`pt-entry ${kindClass(item.kind)}`} data-kind={item.kind}>
      <time className="pt-when" dateTime={item.at}>
        {formatDate(item.at)}
      </time>
      <div className="pt-what">
        <div className="pt-title">
          {item.title}
          {item.band && <span className={`badge pt-band pt-band-${item.band}`}>{t(`pt.band.${item.band}`)}</span>}
        </div>
        {item.detail && <div className="pt-detail">{item.detail}</div>}
        {(item.kind === 'mention' || item.cases.length > 0) && (
          <div className="pt-links">
            {item.kind === 'mention' && item.ref && <Link href={`/inbox?mention=${encodeURIComponent(item.ref.id)}`}>{t('pt.openMention')}</Link>}
            {item.cases.map((c) => (
              <Link key={c.id} href={`/cases/${encodeURIComponent(c.id)}`} title={c.title}>
                {t('pt.case', { number: c.number })}
              </Link>
            ))}
          </div>
        )}
      </div>
    </li>
  );
}

/** /patients/<id>: who the patient is (contact only where the role may see it) and their one timeline of care and reputation. */
export function PatientPage({ id }: { id: string }) {
  const { t, formatDate, locale } = useI18n();
  const patient = useResource(() => getPatient(id), [id], { quiet: true });
  const timeline = useResource(() => getTimeline(id), [id], { quiet: true });
  const missing = patient.error instanceof ApiError && (patient.error.status === 404 || patient.error.status === 400);

  return (
    <div className="page">
      <p>
        <Link href="/patients">← {t('pt.back')}</Link>
      </p>
      {missing ? (
        <section className="card">
          <EmptyState title={t('pt.notFound')} />
        </section>
      ) : !patient.data ? (
        <Spinner />
      ) : (
        <section className="card" data-testid="patient">
          <h2>{patient.data.name || patient.data.externalId}</h2>
          <dl className="pt-facts">
            <div>
              <dt>{t('pt.mrn')}</dt>
              <dd>{patient.data.externalId ?? '—'}</dd>
            </div>
            <div>
              <dt>{t('pt.language')}</dt>
              <dd>{patient.data.locale ? languageName(patient.data.locale, locale) : '—'}</dd>
            </div>
            <div>
              <dt>{t('pt.contact')}</dt>
              <dd>
                <ContactLine patient={patient.data} />
              </dd>
            </div>
            <div>
              <dt>{t('pt.since')}</dt>
              <dd>{formatDate(patient.data.createdAt, false)}</dd>
            </div>
          </dl>
          {patient.data.optedOutAt && <p className="pt-warning">{t('pt.optedOut', { at: formatDate(patient.data.optedOutAt, false) })}</p>}
          {patient.data.doNotContactUntil && <p className="pt-warning">{t('pt.holdUntil', { at: formatDate(patient.data.doNotContactUntil, false) })}</p>}
        </section>
      )}
      {!missing && patient.data && <PatientStories patientId={id} />}
      {!missing && patient.data && <PatientReferrals patientId={id} />}
      {!missing && (
        <section className="card">
          <h3>{t('pt.timeline')}</h3>
          <p className="muted small">{t('pt.timelineHint')}</p>
          {timeline.error instanceof ApiError && timeline.error.status !== 404 ? (
            <p className="error">{timeline.error.message}</p>
          ) : !timeline.data ? (
            timeline.error ? (
              <EmptyState title={t('pt.notFound')} />
            ) : (
              <Spinner />
            )
          ) : timeline.data.items.length === 0 ? (
            <EmptyState title={t('pt.timelineEmpty')} />
          ) : (
            <ol className="pt-timeline" data-testid="patient-timeline">
              {timeline.data.items.map((item, i) => (
                <Entry key={`${item.kind}-${item.ref?.id ?? i}`} item={item} />
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}
