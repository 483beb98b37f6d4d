import { useState } from 'react';
import { Pager } from './Pager.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { Select } from '../../ui/Select.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { listAdvocates, type Advocate, type AdvocateKind, type ListFilter } from './api.ts';
import { EvidenceDialog } from './EvidenceDialog.tsx';
import { InviteDialog } from './InviteDialog.tsx';
import { Formula, InviteStatus, PromoterBadge, ScoreBars } from './parts.tsx';

type Preset = '90' | '365' | 'all';
const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);
function periodOf(preset: Preset): Pick<ListFilter, 'from' | 'to'> {
  if (preset === 'all') return { from: '2000-01-01', to: iso(new Date()) };
  if (preset === '90') return { from: iso(new Date(Date.now() - 89 * DAY)), to: iso(new Date()) };
  return { from: '', to: '' };
}
const OPEN = new Set(['invited', 'accepted']);

/** The ranked list of key patients and authors: the score and its parts, the promoter badge, the invitation, the evidence and the invite dialog. */
export function RankedList() {
  const { t } = useI18n();
  const { can } = useApp();
  const [kind, setKind] = useState<AdvocateKind | ''>('');
  const [preset, setPreset] = useState<Preset>('365');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<Advocate | null>(null);
  const [inviting, setInviting] = useState<Advocate | null>(null);
  const period = periodOf(preset);
  const list = useResource(() => listAdvocates({ kind, ...period, page }), [kind, preset, page]);
  const data = list.data;
  const max = Math.max(1, ...(data?.items.map((a) => a.score) ?? []));
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  const rank = (a: Advocate) => (data ? data.items.indexOf(a) + 1 + (data.page - 1) * data.pageSize : 0);

  return (
    <>
      <section className="card adv-controls">
        <Tabs
          tabs={[
            { id: '' as const, label: t('adv.kind.all') },
            { id: 'patient' as const, label: t('adv.kind.patient') },
            { id: 'author' as const, label: t('adv.kind.author') },
          ]}
          current={kind}
          onSelect={(k) => {
            setKind(k);
            setPage(1);
          }}
        />
        <label className="sc-filter">
          <span>{t('adv.period')}</span>
          <Select
            value={preset}
            onChange={(p) => {
              setPreset(p);
              setPage(1);
            }}
            options={[
              { value: '90', label: t('adv.period.90') },
              { value: '365', label: t('adv.period.365') },
              { value: 'all', label: t('adv.period.all') },
            ]}
          />
        </label>
        {data && (
          <span className="muted small">
            {t('adv.periodRange', { from: data.period.from, to: data.period.to })} · {t('adv.total', { n: data.total })}
          </span>
        )}
      </section>
      <section className="card">
        <Formula />
        <RecordTable
          items={data?.items ?? null}
          testId="adv-list"
          emptyTitle={t('adv.empty')}
          emptyHint={t('adv.emptyHint')}
          columns={[
            { header: t('adv.rank'), className: 'num', render: (a) => rank(a) },
            {
              header: t('adv.name'),
              render: (a) => (
                <span className="adv-who">
                  <button type="button" className="btn btn-small btn-link" onClick={() => setOpen(a)}>
                    {a.name}
                  </button>
                  <span className="muted small">{a.kind === 'author' ? t('adv.author', { platform: a.platform ?? '' }) : t('adv.patient')}</span>
                  {a.promoter && <PromoterBadge nps={a.latestNps} />}
                </span>
              ),
            },
            { header: t('adv.score'), className: 'num', render: (a) => <span className="adv-score">{a.score}</span> },
            { header: t('adv.parts'), render: (a) => <ScoreBars advocate={a} max={max} /> },
            { header: t('adv.invitation'), render: (a) => <InviteStatus status={a.invitation?.status ?? null} /> },
          ]}
          actions={(a) => (
            <>
              <button type="button" className="btn btn-small" onClick={() => setOpen(a)}>
                {t('adv.open')}
              </button>
              {can('advocates.manage') && !OPEN.has(a.invitation?.status ?? '') && (
                <button type="button" className="btn btn-small btn-primary" onClick={() => setInviting(a)}>
                  {t('adv.invite')}
                </button>
              )}
            </>
          )}
        />
        <Pager page={page} pages={pages} setPage={setPage} />
      </section>
      {open && (
        <EvidenceDialog
          advocate={open}
          period={period}
          onClose={() => setOpen(null)}
          onInvite={
            can('advocates.manage') && !OPEN.has(open.invitation?.status ?? '')
              ? () => {
                  setInviting(open);
                  setOpen(null);
                }
              : null
          }
        />
      )}
      {inviting && <InviteDialog advocate={inviting} onClose={() => setInviting(null)} onDone={() => void list.reload()} />}
    </>
  );
}
