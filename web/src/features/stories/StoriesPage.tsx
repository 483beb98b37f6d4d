import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { navigate, type PageProps } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { consentUses, storyStatuses, type ConsentUse, type StoryStatus } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { listStories, type StoryFilter, type StoryItem } from './api.ts';
import { ConsentChips, StatusBadge } from './chips.tsx';
import { RecordStoryForm } from './RecordStoryForm.tsx';
import { StoryDetailView } from './StoryDetail.tsx';
import { StoryRequests } from './StoryRequests.tsx';

type TabId = 'library' | 'requests' | 'record';

const params = () => new URLSearchParams(window.location.search);

/** The story library (consent status per use, flagged uses), story requests (links and QR codes) and recording a story on a patient's behalf. */
export function StoriesPage({ rest }: PageProps) {
  const id = rest.replace(/^\//, '').split('/')[0];
  if (id) return <StoryDetailView key={id} id={id} />;
  return <StoriesHome />;
}

function StoriesHome() {
  const { t, formatDate } = useI18n();
  const { can } = useApp();
  const manage = can('stories.manage');
  const initial = params();
  const [tab, setTab] = useState<TabId>((['library', 'requests', 'record'] as const).find((x) => x === initial.get('tab')) ?? 'library');
  const patientId = initial.get('patient') ?? undefined;
  const [status, setStatus] = useState<StoryStatus | ''>('');
  const [use, setUse] = useState<ConsentUse | ''>('');
  const [flagged, setFlagged] = useState(false);
  const [q, setQ] = useState('');
  const filter: StoryFilter = { status: status || undefined, use: use || undefined, flagged: flagged ? 'true' : undefined, q: q.trim() || undefined, ...(patientId ? { patientId } : {}) };
  const stories = useResource(() => listStories(filter).then((r) => r.items), [status, use, flagged, q, patientId]);

  const select = (next: TabId) => {
    setTab(next);
    navigate(next === 'library' ? '/stories' : `/stories?tab=${next}${patientId ? `&patient=${patientId}` : ''}`, { replace: true });
  };
  const tabs = [
    { id: 'library' as const, label: t('sty.tab.library') },
    { id: 'requests' as const, label: t('sty.tab.requests') },
    ...(manage ? [{ id: 'record' as const, label: t('sty.tab.record') }] : []),
  ];

  return (
    <div className="page page-wide sty-page">
      <h1>{t('nav.stories')}</h1>
      <Tabs tabs={tabs} current={tab} onSelect={select} />
      {tab === 'library' && (
        <section className="card" data-testid="story-library">
          <p className="muted small">{t('sty.libraryHint')}</p>
          <div className="form-row sty-filters">
            <Field label={t('sty.filter.search')}>
              <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('sty.filter.searchHint')} />
            </Field>
            <Field label={t('sty.filter.status')}>
              <EnumSelect values={storyStatuses} value={status} onChange={setStatus} emptyLabel={t('sty.filter.any')} labelOf={(s) => t(`sty.status.${s}`)} />
            </Field>
            <Field label={t('sty.filter.use')}>
              <EnumSelect values={consentUses} value={use} onChange={setUse} emptyLabel={t('sty.filter.any')} labelOf={(u) => t(`sty.use.${u}`)} />
            </Field>
            <div className="field">
              <span className="field-label">&nbsp;</span>
              <label className="check">
                <input type="checkbox" checked={flagged} onChange={(e) => setFlagged(e.target.checked)} />
                {t('sty.filter.flagged')}
              </label>
            </div>
          </div>
          {patientId && (
            <p className="small">
              {t('sty.filter.onePatient')}{' '}
              <a href="/stories" className="btn-link">
                {t('sty.filter.allPatients')}
              </a>
            </p>
          )}
          <RecordTable<StoryItem>
            items={stories.data}
            emptyTitle={t('sty.empty')}
            emptyHint={t('sty.emptyHint')}
            testId="stories"
            columns={[
              {
                header: t('sty.col.story'),
                cellClassName: 'sty-title-cell',
                render: (s) => (
                  <a
                    href={`/stories/${s.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/stories/${s.id}`);
                    }}
                  >
                    <strong>{s.title || t('sty.untitled')}</strong>
                    {s.authorName ? <span className="muted small"> · {s.authorName}</span> : null}
                  </a>
                ),
              },
              { header: t('sty.col.status'), render: (s) => <StatusBadge status={s.status} /> },
              { header: t('sty.col.consents'), render: (s) => <ConsentChips consents={s.consents} /> },
              {
                header: t('sty.col.uses'),
                className: 'num',
                render: (s) => (s.flaggedUses ? <span className="badge badge-negative">{t('sty.flaggedCount', { n: s.flaggedUses })}</span> : s.uses),
              },
              { header: t('sty.col.source'), render: (s) => t(`sty.source.${s.source}`) },
              { header: t('sty.col.received'), cellClassName: 'nowrap small', render: (s) => formatDate(s.createdAt) },
            ]}
          />
        </section>
      )}
      {tab === 'requests' && <StoryRequests />}
      {tab === 'record' && manage && <RecordStoryForm patientId={patientId ?? null} />}
    </div>
  );
}
