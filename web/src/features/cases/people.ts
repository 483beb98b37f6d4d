import type { Team } from './types.ts';

/** Everyone a case may be assigned to without the user list: the members of every team, and the viewer; by name. */
export function assignable(teams: readonly Team[] | null, me: { id: string; name: string }): { id: string; name: string }[] {
  const byId = new Map<string, string>([[me.id, me.name]]);
  for (const team of teams ?? []) for (const m of team.members) byId.set(m.userId, m.name);
  return [...byId].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}
