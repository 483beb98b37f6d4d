import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { listStories } from './api.ts';
import { ConsentChips, StatusBadge } from './chips.tsx';

/** The patient page's panel: this patient's stories with their consent chips, and recording one on their behalf. */
export function PatientStories({ patientId }: { patientId: string }) {
  const { t } = useI18n();
  const { can } = useApp();
  const allowed = can('stories.read');
  const stories = useResource(() => (allowed ? listStories({ patientId }).then((r) => r.items) : Promise.resolve([])), [patientId, allowed], { quiet: true });
  if (!allowed) return null;
  const items = stories.data ?? [];
  return (
    <section className="card sty-patient-panel" data-testid="patient-stories">
      <h3>{t('sty.patient.title')}</h3>
      <p className="muted small">{t('sty.patient.count', { n: items.length })}</p>
      {items.slice(0, 5).map((s) => (
        <p key={s.id}>
          <Link href={`/stories/${s.id}`}>{s.title || t('sty.untitled')}</Link> <StatusBadge status={s.status} /> <ConsentChips consents={s.consents} />
        </p>
      ))}
      <p>
        {items.length > 0 && (
          <Link href={`/stories?patient=${patientId}`} className="btn btn-small">
            {t('sty.patient.open')}
          </Link>
        )}{' '}
        {can('stories.manage') && (
          <Link href={`/stories?tab=record&patient=${patientId}`} className="btn btn-small">
            {t('sty.patient.record')}
          </Link>
        )}
      </p>
    </section>
  );
}
