import type { Db } from '../db/database.ts';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { AppError } from '../core/errors.ts';
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../core/i18n.ts';
import { casesMessages, teamName } from './cases.messages.ts';
import { assertOrgUser } from './cases.queries.ts';
import { DEFAULT_TEAMS, TIERS, type DefaultTeam, type Tier } from './cases.vocab.ts';

export interface TeamMember {
  userId: string;
  name: string;
  role: string;
  onShift: boolean;
}
export interface Team {
  id: string;
  name: string;
  /** The tier of a default team whose name is still the default one (shown in the reader's language). */
  defaultKey: DefaultTeam | null;
  renamed: boolean;
  autoAssign: boolean;
  members: TeamMember[];
}

export const noSuchTeam = () => new AppError('not_found', casesMessages.text('noSuchTeam'));

/** Seeds the three default teams (one per tier) the first time an organisation needs them; idempotent and safe to race. */
export async function ensureTeams(db: Db, orgId: string): Promise<void> {
  const any = await db.selectFrom('teams').select('id').where('org_id', '=', orgId).where('default_key', 'is not', null).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('teams')
    .values(DEFAULT_TEAMS.map((key) => ({ org_id: orgId, default_key: key, name: null })))
    .onConflict((oc) => oc.columns(['org_id', 'default_key']).doNothing())
    .execute();
}

/** The team a tier's cases go to: the one the tier settings name, else the tier's default team. */
export async function teamForTier(db: Db, orgId: string, tier: Tier, teamId: string | undefined): Promise<{ id: string; name: string | null; default_key: DefaultTeam | null; auto_assign: boolean }> {
  await ensureTeams(db, orgId);
  const cols = ['id', 'name', 'default_key', 'auto_assign'] as const;
  const named = teamId ? await db.selectFrom('teams').select(cols).where('org_id', '=', orgId).where('id', '=', teamId).executeTakeFirst() : undefined;
  return named ?? db.selectFrom('teams').select(cols).where('org_id', '=', orgId).where('default_key', '=', tier).executeTakeFirstOrThrow();
}

/** The organisation's teams with their members, default teams first, each named in `locale`. */
export async function findTeams(db: Db, orgId: string, locale: Locale = DEFAULT_LOCALE, onlyId?: string): Promise<Team[]> {
  await ensureTeams(db, orgId);
  let query = db.selectFrom('teams').select(['id', 'name', 'default_key', 'auto_assign']).where('org_id', '=', orgId);
  if (onlyId) query = query.where('id', '=', onlyId);
  const teams = await query.orderBy('created_at').orderBy('default_key').orderBy('id').execute();
  if (!teams.length) return [];
  const members = await db
    .selectFrom('team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['tm.team_id', 'tm.user_id', 'u.name', 'u.role', 'tm.on_shift'])
    .where(
      'tm.team_id',
      'in',
      teams.map((t) => t.id),
    )
    .where('u.disabled', '=', false)
    .orderBy('u.name')
    .execute();
  const order = (t: { default_key: DefaultTeam | null }) => (t.default_key ? TIERS.indexOf(t.default_key) : TIERS.length);
  return [...teams]
    .sort((a, b) => order(a) - order(b))
    .map((t) => ({
      id: t.id,
      name: teamName(locale, t),
      defaultKey: t.default_key,
      renamed: t.name !== null,
      autoAssign: t.auto_assign,
      members: members.filter((m) => m.team_id === t.id).map((m) => ({ userId: m.user_id, name: m.name, role: m.role, onShift: m.on_shift })),
    }));
}

/** One team; throws not_found for another organisation's id. */
export async function getTeam(db: Db, orgId: string, id: string, locale: Locale = DEFAULT_LOCALE): Promise<Team> {
  const [team] = await findTeams(db, orgId, locale, id);
  if (!team) throw noSuchTeam();
  return team;
}

/** Throws conflict when another team of the organisation already carries this name (a default team by its name in any language). */
async function assertNameFree(db: Db, orgId: string, name: string, exceptId?: string): Promise<void> {
  const rows = await db.selectFrom('teams').select(['id', 'name', 'default_key']).where('org_id', '=', orgId).execute();
  const lower = name.toLocaleLowerCase();
  const taken = rows.some((t) => t.id !== exceptId && (t.name ? [t.name] : LOCALES.map((l) => teamName(l, t))).some((n) => n.toLocaleLowerCase() === lower));
  if (taken) throw new AppError('conflict', casesMessages.text('teamNameTaken', { name }));
}

/** The id of a team of the organisation by its name (a default team by its name in any language), or undefined. */
export async function teamIdByName(db: Db, orgId: string, name: string): Promise<string | undefined> {
  await ensureTeams(db, orgId);
  const rows = await db.selectFrom('teams').select(['id', 'name', 'default_key']).where('org_id', '=', orgId).execute();
  return rows.find((t) => (t.name ? [t.name] : LOCALES.map((l) => teamName(l, t))).includes(name))?.id;
}

/** Creates a team (auto-assignment on unless switched off); throws conflict on a name the organisation uses. */
export async function createTeam(db: Db, by: AuditBy, body: { name: string; autoAssign?: boolean }): Promise<string> {
  return db.transaction().execute(async (trx) => {
    await ensureTeams(trx, by.orgId);
    await assertNameFree(trx, by.orgId, body.name);
    const row = await trx
      .insertInto('teams')
      .values({ org_id: by.orgId, name: body.name, auto_assign: body.autoAssign ?? true })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { ...by, action: 'team.create', targetType: 'team', targetId: row.id, details: { after: { name: body.name, autoAssign: body.autoAssign ?? true } } });
    return row.id;
  });
}

async function lockTeam(trx: Db, orgId: string, id: string) {
  const team = await trx.selectFrom('teams').selectAll().where('org_id', '=', orgId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!team) throw noSuchTeam();
  return team;
}

/** Renames a team (null gives a default team back its default, translated name) or switches its auto-assignment. */
export async function updateTeam(db: Db, by: AuditBy, id: string, body: { name?: string | null; autoAssign?: boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const team = await lockTeam(trx, by.orgId, id);
    const name = body.name === undefined ? team.name : body.name === null && team.default_key ? null : (body.name ?? team.name);
    if (name !== null && name !== team.name) await assertNameFree(trx, by.orgId, name, id);
    const autoAssign = body.autoAssign ?? team.auto_assign;
    await trx.updateTable('teams').set({ name, auto_assign: autoAssign }).where('id', '=', id).execute();
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (name !== team.name) {
      before.name = teamName(DEFAULT_LOCALE, team);
      after.name = teamName(DEFAULT_LOCALE, { name, default_key: team.default_key });
    }
    if (autoAssign !== team.auto_assign) {
      before.autoAssign = team.auto_assign;
      after.autoAssign = autoAssign;
    }
    await recordAudit(trx, { ...by, action: 'team.update', targetType: 'team', targetId: id, details: { team: teamName(DEFAULT_LOCALE, { name, default_key: team.default_key }), before, after } });
  });
}

/** Adds a user to a team (on shift), removes them, or puts them on or off shift; each change is audited. */
export async function changeMember(db: Db, by: AuditBy, id: string, userId: string, change: 'add' | 'remove' | { onShift: boolean }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const team = await lockTeam(trx, by.orgId, id);
    const user = await assertOrgUser(trx, by.orgId, userId, 'userId');
    const current = await trx.selectFrom('team_members').select('on_shift').where('team_id', '=', id).where('user_id', '=', userId).executeTakeFirst();
    const label = teamName(DEFAULT_LOCALE, team);
    if (change === 'add') {
      if (current) return;
      await trx.insertInto('team_members').values({ team_id: id, user_id: userId }).execute();
      await recordAudit(trx, { ...by, action: 'team.members', targetType: 'team', targetId: id, details: { team: label, after: { member: user.name } } });
      return;
    }
    if (!current) throw new AppError('not_found', casesMessages.text('noSuchUser', { field: 'userId' }));
    if (change === 'remove') {
      await trx.deleteFrom('team_members').where('team_id', '=', id).where('user_id', '=', userId).execute();
      await recordAudit(trx, { ...by, action: 'team.members', targetType: 'team', targetId: id, details: { team: label, before: { member: user.name } } });
      return;
    }
    if (current.on_shift === change.onShift) return;
    await trx.updateTable('team_members').set({ on_shift: change.onShift }).where('team_id', '=', id).where('user_id', '=', userId).execute();
    await recordAudit(trx, {
      ...by,
      action: 'team.members',
      targetType: 'team',
      targetId: id,
      details: { team: label, member: user.name, before: { onShift: current.on_shift }, after: { onShift: change.onShift } },
    });
  });
}

/** The teams a user is a member of (for "unassigned in my team"). */
export async function teamIdsOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.team_id);
}
