import { useState } from 'react';
import { useI18n } from '../../../i18n/index.tsx';
import { useApp } from '../../../lib/app-context.tsx';
import { useResource } from '../../../lib/use-resource.ts';
import { useSubmit } from '../../../lib/use-submit.ts';
import { Check } from '../../../ui/Field.tsx';
import { Select, optionsOf } from '../../../ui/Select.tsx';
import { Spinner } from '../../../ui/states.tsx';
import { listActiveUsers } from '../../settings/index.ts';
import { addTeamMember, createTeam, removeTeamMember, setMemberShift, updateTeam } from '../api.ts';
import type { Team } from '../types.ts';

/** The teams: their names, whether they assign new cases by themselves, and their members on or off shift. */
export function TeamsCard({ teams, onChanged }: { teams: Team[] | null; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  const { can } = useApp();
  const canEdit = can('cases.manage');
  const users = useResource(() => (can('users.manage') ? listActiveUsers() : Promise.resolve([])), [], { fallback: [], quiet: true }).data;
  const [name, setName] = useState('');
  const { busy, run } = useSubmit();
  const act = (action: () => Promise<unknown>) => void run(async () => (await action(), onChanged()));

  return (
    <section className="card" data-testid="teams">
      <h2>{t('teams.title')}</h2>
      <p className="muted small">{t('teams.hint')}</p>
      {teams === null && <Spinner />}
      <div className="team-list">
        {(teams ?? []).map((team) => (
          <TeamRow key={`${team.id}:${team.name}`} team={team} users={users ?? []} canEdit={canEdit} busy={busy} act={act} />
        ))}
      </div>
      {canEdit && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return;
            act(async () => {
              await createTeam(name.trim());
              setName('');
            });
          }}
        >
          <input name="newTeam" aria-label={t('teams.new')} placeholder={t('teams.new')} maxLength={120} value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn" disabled={busy || !name.trim()}>
            + {t('teams.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function TeamRow({
  team,
  users,
  canEdit,
  busy,
  act,
}: {
  team: Team;
  users: { id: string; name: string; email: string }[];
  canEdit: boolean;
  busy: boolean;
  act(action: () => Promise<unknown>): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(team.name);
  const others = users.filter((u) => !team.members.some((m) => m.userId === u.id));
  return (
    <article className="team-row" data-testid="team">
      <div className="team-row-head">
        {canEdit ? (
          <input
            name={`team-${team.id}`}
            aria-label={t('teams.rename')}
            className="team-name"
            value={name}
            maxLength={120}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => name.trim() && name.trim() !== team.name && act(() => updateTeam(team.id, { name: name.trim() }))}
          />
        ) : (
          <span className="strong">{team.name}</span>
        )}
        {canEdit && team.defaultKey && team.renamed && (
          <button type="button" className="btn btn-small btn-link" disabled={busy} onClick={() => act(() => updateTeam(team.id, { name: null }))}>
            {t('teams.resetName')}
          </button>
        )}
        <Check name={`auto-${team.id}`} label={t('teams.autoAssign')} checked={team.autoAssign} disabled={!canEdit || busy} onChange={(on) => act(() => updateTeam(team.id, { autoAssign: on }))} />
      </div>
      {team.members.length === 0 ? (
        <p className="muted small">{t('teams.noMembers')}</p>
      ) : (
        <ul className="team-members">
          {team.members.map((m) => (
            <li key={m.userId} className="team-member">
              <span className={m.onShift ? 'strong' : 'muted'}>{m.name}</span>
              <Check
                name={`shift-${team.id}-${m.userId}`}
                label={t('teams.onShift')}
                checked={m.onShift}
                disabled={!canEdit || busy}
                onChange={(on) => act(() => setMemberShift(team.id, m.userId, on))}
              />
              {canEdit && (
                <button type="button" className="btn btn-small btn-link" disabled={busy} onClick={() => act(() => removeTeamMember(team.id, m.userId))}>
                  {t('teams.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && others.length > 0 && (
        <Select
          name={`add-${team.id}`}
          aria-label={t('teams.addMember')}
          value=""
          emptyLabel={t('teams.addMember')}
          disabled={busy}
          onChange={(userId) => userId && act(() => addTeamMember(team.id, userId))}
          options={optionsOf(others, (u) => u.name || u.email)}
        />
      )}
    </article>
  );
}
