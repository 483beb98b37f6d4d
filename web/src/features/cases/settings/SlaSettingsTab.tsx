import { useI18n } from '../../../i18n/index.tsx';
import { useApp } from '../../../lib/app-context.tsx';
import { useResource } from '../../../lib/use-resource.ts';
import { useSubmit } from '../../../lib/use-submit.ts';
import { caseTiers, type CaseTier } from '../../../lib/vocab.ts';
import { FormActions } from '../../../ui/FormActions.tsx';
import { FormError } from '../../../ui/FormError.tsx';
import { RecordTable } from '../../../ui/RecordTable.tsx';
import { Select, optionsOf } from '../../../ui/Select.tsx';
import { Spinner } from '../../../ui/states.tsx';
import { getCaseSettings, listTeams, saveCaseSettings } from '../api.ts';
import type { CaseSettings } from '../types.ts';
import './case-settings.css';
import { RootCausesCard } from './RootCausesCard.tsx';
import { TeamsCard } from './TeamsCard.tsx';
import { WorkingHours, type LocationHours } from './WorkingHours.tsx';

type TierTargets = CaseSettings['tiers'][CaseTier];

/** SLA tiers, working hours per location and the list of root causes (a tab of the settings). */
export function SlaSettingsTab() {
  const { t } = useI18n();
  const { org, notify } = useApp();
  const { data: settings, setData: setSettings } = useResource(getCaseSettings, []);
  const teamList = useResource(listTeams, [], { fallback: [] });
  const teams = teamList.data;
  const { busy, error, submit } = useSubmit('invalid');

  if (!settings) return <Spinner />;
  const setTier = (tier: CaseTier, patch: Partial<TierTargets>) => setSettings((s) => (s ? { ...s, tiers: { ...s.tiers, [tier]: { ...s.tiers[tier], ...patch } } } : s));
  const setLocation = (locationId: string, next: LocationHours | null) =>
    setSettings((s) => (s ? { ...s, locations: [...s.locations.filter((l) => l.locationId !== locationId), ...(next ? [next] : [])] } : s));
  const hoursInput = (tier: CaseTier, key: 'firstResponseHours' | 'resolutionHours') => (
    <input
      type="number"
      min="0"
      step="0.5"
      name={`${tier}.${key}`}
      aria-label={`${t(`tier.${tier}`)}: ${t(`caseSettings.${key}`)}`}
      value={settings.tiers[tier][key]}
      onChange={(e) => setTier(tier, { [key]: Number(e.target.value) })}
    />
  );

  const save = async () => {
    setSettings(await saveCaseSettings(settings));
    notify(t('common.saved'));
  };
  const locations = org?.locations ?? [];

  return (
    <>
      <form className="card form" onSubmit={submit(save)} data-testid="case-settings">
        <h2>{t('caseSettings.tiers')}</h2>
        <FormError error={error} />
        <RecordTable
          items={caseTiers}
          compact
          emptyTitle=""
          rowKey={(tier) => tier}
          columns={[
            { header: t('cases.tier'), render: (tier) => t(`tier.${tier}`) },
            { header: t('caseSettings.firstResponseHours'), render: (tier) => hoursInput(tier, 'firstResponseHours') },
            { header: t('caseSettings.resolutionHours'), render: (tier) => hoursInput(tier, 'resolutionHours') },
            {
              header: t('caseSettings.team'),
              render: (tier) => (
                <Select
                  name={`${tier}.team`}
                  aria-label={`${t(`tier.${tier}`)}: ${t('caseSettings.team')}`}
                  value={settings.tiers[tier].teamId ?? ''}
                  onChange={(teamId) => setTier(tier, { teamId, team: teams?.find((x) => x.id === teamId)?.name })}
                  options={optionsOf(teams, (x) => x.name)}
                />
              ),
            },
          ]}
        />

        <h2>{t('caseSettings.hours')}</h2>
        <p className="muted small">{t('caseSettings.hoursHint')}</p>
        {locations.length === 0 && <p className="muted">{t('settings.empty')}</p>}
        {locations.map((loc) => (
          <WorkingHours key={loc.id} location={loc} timezone={org?.org.timezone} hours={settings.locations.find((l) => l.locationId === loc.id)} onChange={(next) => setLocation(loc.id, next)} />
        ))}
        <FormActions submitLabel={t('common.save')} busy={busy} />
      </form>
      <TeamsCard teams={teams} onChanged={teamList.reload} />
      <RootCausesCard />
    </>
  );
}
