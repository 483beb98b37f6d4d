import type { Db } from '../db/database.ts';
import { ensureTeams } from '../cases/teams.ts';
import type { Tier } from '../cases/cases.vocab.ts';

/**
 * Who works each tier's queue in the demo clinic, by e-mail: patient service (with the dentistry
 * head, who takes the dentistry cases, and the administrator) for general cases, the director
 * and PR for major ones, PR and the administrator for malicious ones. Every demo user who may work
 * on cases is in a team, so each has something in My work once the demo's cases open.
 */
export const DEMO_TEAMS: Record<Tier, string[]> = {
  general: ['service@demo.verity.local', 'dent.head@demo.verity.local', 'admin@demo.verity.local'],
  major: ['director@demo.verity.local', 'pr@demo.verity.local'],
  malicious: ['pr@demo.verity.local', 'admin@demo.verity.local'],
};

/** Puts the demo users into the three default teams (on shift, auto-assignment on); a team that has members already is left as it is. */
export async function seedDemoTeams(db: Db, orgId: string): Promise<void> {
  await ensureTeams(db, orgId);
  const teams = await db.selectFrom('teams').select(['id', 'default_key']).where('org_id', '=', orgId).where('default_key', 'is not', null).execute();
  const users = await db.selectFrom('users').select(['id', 'email']).where('org_id', '=', orgId).execute();
  for (const team of teams) {
    const has = await db.selectFrom('team_members').select('user_id').where('team_id', '=', team.id).limit(1).executeTakeFirst();
    if (has) continue;
    const ids = DEMO_TEAMS[team.default_key!].map((email) => users.find((u) => u.email === email)?.id).filter((id): id is string => Boolean(id));
    if (ids.length)
      await db
        .insertInto('team_members')
        .values(ids.map((user_id) => ({ team_id: team.id, user_id })))
        .execute();
    await db.updateTable('teams').set({ auto_assign: true }).where('id', '=', team.id).execute();
  }
}
