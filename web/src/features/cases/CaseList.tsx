import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { caseTiers, type CaseTier } from '../../lib/vocab.ts';
import { Check } from '../../ui/Field.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import { EmptyState, Spinner } from '../../ui/states.tsx';
import { bulkCases, listCases, listSources, listTeams, type CaseListQuery } from './api.ts';
import { DuplicateDialog } from './BulkDialogs.tsx';
import { CaseStatusBadge, SlaCountdown, TierBadge, caseLabel, useNow } from './components.tsx';
import { assignable } from './people.ts';
import type { Case } from './types.ts';

const pageSize = 50;
const sorts = ['due', 'opened', 'number'] as const;
type Sort = (typeof sorts)[number];

/** Filters read from the address once (the board's "show all in the list" links carry the status). */
function initialFilters(): { status: string; tier: CaseTier | ''; queue: boolean } {
  const params = new URLSearchParams(window.location.search);
  const tier = params.get('tier') ?? '';
  return { status: params.get('status') ?? 'open', tier: (caseTiers as readonly string[]).includes(tier) ? (tier as CaseTier) : '', queue: params.get('queue') === 'my_team_unassigned' };
}

/** Cases as a paged table: filters, the team queue, sorting by due time, and bulk assign or close as duplicates. */
export function CaseList() {
  const { t, formatNumber } = useI18n();
  const { me, org, can, notify } = useApp();
  const now = useNow();
  const canWork = can('cases.work');
  const [status, setStatus] = useState(() => initialFilters().status);
  const [tier, setTier] = useState<CaseTier | ''>(() => initialFilters().tier);
  const [team, setTeam] = useState('');
  const [assignee, setAssignee] = useState('');
  const [location, setLocation] = useState('');
  const [source, setSource] = useState('');
  const [q, setQ] = useState('');
  const [queue, setQueue] = useState(() => initialFilters().queue);
  const [sort, setSort] = useState<Sort>('due');
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkAssignee, setBulkAssignee] = useState('');
  const [duplicates, setDuplicates] = useState<Case[] | null>(null);
  const { busy, run } = useSubmit();

  const teams = useResource(listTeams, [], { fallback: [], quiet: true }).data;
  const sources = useResource(listSources, [], { fallback: [], quiet: true }).data;
  const query: CaseListQuery = { status: status === 'all' ? '' : status, tier, team, assignee, location, source, q: q.trim(), queue: queue ? 'my_team_unassigned' : '', sort, offset, limit: pageSize };
  const page = useResource(() => listCases(query), [JSON.stringify(query)], { fallback: { items: [], total: 0, nextCursor: null, nextOffset: null } });
  const people = assignable(teams, { id: me.id, name: me.name });

  // Any change of filter starts at the first page and clears the selection.
  const filter =
    <V,>(set: (v: V) => void) =>
    (v: V) => {
      set(v);
      setOffset(0);
      setSelected(new Set());
    };
  const items = page.data?.items ?? null;
  const total = page.data?.total ?? 0;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chosen = (items ?? []).filter((c) => selected.has(c.id));
  const afterBulk = async (n: number) => {
    notify(t('cases.bulkDone', { n }));
    setSelected(new Set());
    await page.reload();
  };
  const assignSelected = () =>
    void run(async () => {
      const res = await bulkCases({ action: 'assign', ids: [...selected], assigneeId: bulkAssignee });
      await afterBulk(res.items.length);
    });

  return (
    <div className="case-list" data-testid="case-list">
      <div className="toolbar case-list-filters">
        <input type="search" name="q" className="case-search" placeholder={t('cases.search')} aria-label={t('cases.search')} value={q} onChange={(e) => filter(setQ)(e.target.value)} />
        <label className="inline-field">
          <span>{t('cases.status')}</span>
          <Select
            name="status"
            value={status}
            onChange={filter(setStatus)}
            options={[
              { value: 'open', label: t('cases.openOnly') },
              { value: 'all', label: t('common.all') },
              ...['new', 'acknowledged', 'investigating', 'handling', 'responded', 'repairing', 'closed'].map((s) => ({ value: s, label: t(`caseStatus.${s as 'new'}`) })),
            ]}
          />
        </label>
        <label className="inline-field">
          <span>{t('cases.tier')}</span>
          <EnumSelect name="tier" values={caseTiers} labelOf={(x) => t(`tier.${x}`)} emptyLabel={t('common.all')} value={tier} onChange={filter(setTier)} />
        </label>
        <label className="inline-field">
          <span>{t('cases.team')}</span>
          <Select name="team" value={team} onChange={filter(setTeam)} emptyLabel={t('common.all')} options={optionsOf(teams, (x) => x.name)} />
        </label>
        <label className="inline-field">
          <span>{t('cases.assignee')}</span>
          <Select
            name="assignee"
            value={assignee}
            onChange={filter(setAssignee)}
            emptyLabel={t('cases.anyone')}
            options={[
              { value: 'me', label: t('cases.me') },
              { value: 'unassigned', label: t('cases.unassigned') },
              ...optionsOf(
                people.filter((p) => p.id !== me.id),
                (p) => p.name,
              ),
            ]}
          />
        </label>
        <label className="inline-field">
          <span>{t('cases.location')}</span>
          <Select name="location" value={location} onChange={filter(setLocation)} emptyLabel={t('common.all')} options={optionsOf(org?.locations, (l) => l.name)} />
        </label>
        {sources && sources.length > 0 && (
          <label className="inline-field">
            <span>{t('cases.source')}</span>
            <Select name="source" value={source} onChange={filter(setSource)} emptyLabel={t('common.all')} options={optionsOf(sources, (s) => s.name)} />
          </label>
        )}
        <Check name="queue" label={t('cases.myTeamQueue')} checked={queue} onChange={filter(setQueue)} />
        <label className="inline-field">
          <span>{t('cases.sort')}</span>
          <EnumSelect name="sort" values={sorts} labelOf={(s) => t(`cases.sort.${s}`)} value={sort} onChange={filter(setSort)} />
        </label>
      </div>

      {canWork && selected.size > 0 && (
        <div className="bulk-bar card" data-testid="bulk-bar">
          <span className="strong">{t('cases.selected', { n: selected.size })}</span>
          <Select
            name="bulkAssignee"
            aria-label={t('cases.bulkAssign')}
            value={bulkAssignee}
            onChange={setBulkAssignee}
            emptyLabel={t('cases.bulkAssign')}
            options={optionsOf(people, (p) => p.name)}
          />
          <button type="button" className="btn btn-primary" disabled={busy || !bulkAssignee} onClick={assignSelected}>
            {t('cases.bulkAssignButton')}
          </button>
          {selected.size > 1 && (
            <button type="button" className="btn" disabled={busy} onClick={() => setDuplicates(chosen)}>
              {t('cases.bulkDuplicate')}
            </button>
          )}
        </div>
      )}

      {items === null ? (
        <Spinner />
      ) : items.length === 0 ? (
        <EmptyState title={t('cases.empty')} />
      ) : (
        <div className="table-wrap">
          <table className="table case-table" data-testid="case-table">
            <thead>
              <tr>
                {canWork && (
                  <th className="check-col">
                    <input
                      type="checkbox"
                      aria-label={t('cases.selectAll')}
                      checked={items.every((c) => selected.has(c.id))}
                      onChange={(e) => setSelected(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())}
                    />
                  </th>
                )}
                <th>{t('cases.col.number')}</th>
                <th>{t('cases.col.title')}</th>
                <th>{t('cases.tier')}</th>
                <th>{t('cases.status')}</th>
                <th>{t('cases.team')}</th>
                <th>{t('cases.assignee')}</th>
                <th>{t('cases.col.due')}</th>
                <th>{t('cases.location')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} data-testid="case-row">
                  {canWork && (
                    <td className="check-col">
                      <input type="checkbox" aria-label={t('cases.select', { number: caseLabel(c) })} checked={selected.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                    </td>
                  )}
                  <td className="nowrap" data-label={t('cases.col.number')}>
                    <Link href={`/cases/${encodeURIComponent(c.id)}`}>{caseLabel(c)}</Link>
                  </td>
                  <td className="case-table-title" data-label={t('cases.col.title')}>
                    <Link href={`/cases/${encodeURIComponent(c.id)}`} className="strong">
                      {c.title}
                    </Link>
                  </td>
                  <td data-label={t('cases.tier')}>
                    <TierBadge tier={c.tier} />
                  </td>
                  <td data-label={t('cases.status')}>
                    <CaseStatusBadge status={c.status} />
                    {c.outcome === 'duplicate' && <span className="muted small"> · {t('cases.outcome.duplicate')}</span>}
                  </td>
                  <td data-label={t('cases.team')}>{c.team}</td>
                  <td data-label={t('cases.assignee')}>{c.assigneeName ?? <span className="muted">{t('cases.unassigned')}</span>}</td>
                  <td className="nowrap" data-label={t('cases.col.due')}>
                    <SlaCountdown value={c} now={now} />
                  </td>
                  <td data-label={t('cases.location')}>{org?.locations.find((l) => l.id === c.locationId)?.name ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="pager">
        <span className="muted small" data-testid="case-total">
          {total > 0 ? t('cases.pageOf', { from: formatNumber(offset + 1), to: formatNumber(offset + (items?.length ?? 0)), total: formatNumber(total) }) : t('cases.total', { n: formatNumber(0) })}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))}>
          ← {t('cases.prev')}
        </button>
        <button type="button" className="btn btn-small" disabled={page.data?.nextOffset == null} onClick={() => setOffset(page.data?.nextOffset ?? offset)}>
          {t('cases.next')} →
        </button>
      </div>

      {duplicates && <DuplicateDialog cases={duplicates} onClose={() => setDuplicates(null)} onDone={afterBulk} />}
    </div>
  );
}
