import { useState } from 'react';
import { useApp } from '../../lib/app-context.tsx';
import { navigate, useLocation, type PageProps } from '../../lib/router.tsx';
import { isDepartmentScoped } from '../../lib/vocab.ts';
import { useI18n } from '../../i18n/index.tsx';
import { DateField } from '../../ui/DateField.tsx';
import { Select, optionsOf } from '../../ui/Select.tsx';
import { Spinner } from '../../ui/states.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { presets, queryOf, readState, stateUrl, tabs, type DashboardState, type Preset } from './api.ts';
import { CompetitorsTab } from './CompetitorsTab.tsx';
import { HeatmapTab } from './HeatmapTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { PainPointsTab } from './PainPointsTab.tsx';

/**
 * /dashboards[/heatmap|/pain-points|/competitors]: the tab and every filter live in the address,
 * so a copied link shows the same view and the browser's back and forward step through the views.
 */
export function DashboardsPage({ rest }: PageProps) {
  const { t } = useI18n();
  const { org, me } = useApp();
  useLocation(); // a navigation or the browser's back and forward re-read the address below
  const [, retyped] = useState(0);
  const state = readState(rest, window.location.search);
  const timezone = org?.org.timezone;
  const query = queryOf(state, timezone);
  const go = (patch: Partial<DashboardState>) => navigate(stateUrl({ ...state, ...patch }));
  // A typed day replaces the address in place: a navigation would start the page afresh (and take the caret out of the field).
  const retype = (patch: Partial<DashboardState>) => {
    window.history.replaceState(null, '', stateUrl({ ...state, ...patch }));
    retyped((n) => n + 1);
  };

  // A department head (or staff member) picks among their own departments; the server scopes the figures the same way.
  const mine = isDepartmentScoped(me.role) ? new Set(me.departmentIds) : null;
  const departments = (org?.departments ?? []).filter((d) => (!mine || mine.has(d.id)) && (!state.location || !d.locationId || d.locationId === state.location));
  const filtered = state.preset !== '90' || !!state.location || !!state.department;

  const choosePreset = (preset: Preset) => (preset === 'custom' ? go({ preset, from: query.from ?? '', to: query.to ?? '' }) : go({ preset, from: '', to: '' }));

  return (
    <div className="page page-wide dash-page">
      <section className="card">
        <h2>{t('dash.title')}</h2>
        <form className="dash-filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <label className="dash-filter">
            <span>{t('dash.period')}</span>
            <Select<Preset>
              name="period"
              value={state.preset}
              onChange={choosePreset}
              options={[...presets.map((p) => ({ value: p, label: t(`dash.preset.${p}`) })), { value: 'custom' as const, label: t('dash.preset.custom') }]}
            />
          </label>
          {state.preset === 'custom' && (
            <>
              <label className="dash-filter">
                <span>{t('dash.from')}</span>
                <DateField name="from" value={state.from} onChange={(from) => retype({ from })} />
              </label>
              <label className="dash-filter">
                <span>{t('dash.to')}</span>
                <DateField name="to" value={state.to} onChange={(to) => retype({ to })} />
              </label>
            </>
          )}
          <label className="dash-filter">
            <span>{t('dash.location')}</span>
            <Select name="location" value={state.location} onChange={(location) => go({ location, department: '' })} emptyLabel={t('dash.all')} options={optionsOf(org?.locations, (l) => l.name)} />
          </label>
          <label className="dash-filter">
            <span>{t('dash.department')}</span>
            <Select name="department" value={state.department} onChange={(department) => go({ department })} emptyLabel={t('dash.all')} options={optionsOf(departments, (d) => d.name)} />
          </label>
          {filtered && (
            <button type="button" className="btn btn-small dash-clear" onClick={() => go({ preset: '90', from: '', to: '', location: '', department: '' })}>
              {t('dash.clear')}
            </button>
          )}
        </form>
      </section>
      <Tabs current={state.tab} onSelect={(tab) => go({ tab })} tabs={tabs.map((id) => ({ id, label: t(`dash.tab.${id}`) }))} />
      {!org ? (
        <Spinner />
      ) : state.tab === 'overview' ? (
        <OverviewTab query={query} />
      ) : state.tab === 'heatmap' ? (
        <HeatmapTab query={query} by={state.by} colour={state.colour} onChange={(patch) => go(patch)} />
      ) : state.tab === 'pain-points' ? (
        <PainPointsTab query={query} />
      ) : (
        <CompetitorsTab query={query} />
      )}
    </div>
  );
}
