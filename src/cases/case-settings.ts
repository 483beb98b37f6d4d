import type { Db } from '../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import { addWorkingHours, DEFAULT_WEEKLY_HOURS, type WorkingCalendar } from './business-hours.ts';
import { casesMessages, teamName } from './cases.messages.ts';
import type { CaseSettings } from './cases.schemas.ts';
import { TIERS, type Tier } from './cases.vocab.ts';
import { teamForTier, teamIdByName } from './teams.ts';

const DEFAULT_HOURS: Record<Tier, { firstResponseHours: number; resolutionHours: number }> = {
  general: { firstResponseHours: 4, resolutionHours: 40 },
  major: { firstResponseHours: 48, resolutionHours: 168 },
  malicious: { firstResponseHours: 24, resolutionHours: 240 },
};

/** The settings of an organisation that has saved none; each tier goes to its default team. */
export function defaultCaseSettings(): CaseSettings {
  return { tiers: { general: { ...DEFAULT_HOURS.general }, major: { ...DEFAULT_HOURS.major }, malicious: { ...DEFAULT_HOURS.malicious } }, locations: [] };
}

/**
 * The organisation's case settings, or the defaults when it has saved none. Each tier names its
 * team (`teamId`, and `team`: its name in `locale`, else the organisation's language), so a
 * default team reads in the reader's language and a renamed one as written.
 */
export async function getCaseSettings(db: Db, orgId: string, locale?: Locale): Promise<CaseSettings> {
  const row = await db.selectFrom('case_settings').select(['tiers', 'locations']).where('org_id', '=', orgId).executeTakeFirst();
  const saved: CaseSettings = row ? { tiers: row.tiers as CaseSettings['tiers'], locations: row.locations as CaseSettings['locations'] } : defaultCaseSettings();
  const lang = locale ?? (await db.selectFrom('organisations').select('default_locale').where('id', '=', orgId).executeTakeFirstOrThrow()).default_locale;
  const tiers = { ...saved.tiers };
  for (const tier of TIERS) {
    const { firstResponseHours, resolutionHours, teamId } = saved.tiers[tier];
    const team = await teamForTier(db, orgId, tier, teamId);
    tiers[tier] = { firstResponseHours, resolutionHours, teamId: team.id, team: teamName(lang, team) };
  }
  return { tiers, locations: saved.locations };
}

/** Who changes the settings, for the audit log. */
export interface SettingsAuthor {
  orgId: string;
  userId: string;
  email: string;
  ip: string | null;
}

/**
 * Saves the settings and records the change in the audit log, in one transaction. Throws
 * bad_request when a location is not the organisation's or is listed twice.
 */
export async function updateCaseSettings(db: Db, by: SettingsAuthor, settings: CaseSettings, locale?: Locale): Promise<CaseSettings> {
  const { orgId } = by;
  const ids = settings.locations.map((l) => l.locationId);
  if (new Set(ids).size !== ids.length) throw badRequest(casesMessages.text('locationTwice'));
  await db.transaction().execute(async (trx) => {
    if (ids.length) {
      const found = await trx.selectFrom('locations').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute();
      if (found.length !== ids.length) throw badRequest(casesMessages.text('noSuchLocation'));
    }
    const previous = await trx.selectFrom('case_settings').select('tiers').where('org_id', '=', orgId).executeTakeFirst();
    const before = (previous?.tiers ?? {}) as Record<string, unknown>;
    // Each tier stores its team's id, never a name: a default team's name is made in the reader's language.
    const tiers: Record<string, { firstResponseHours: number; resolutionHours: number; teamId: string }> = {};
    for (const tier of TIERS) {
      const t = settings.tiers[tier];
      tiers[tier] = { firstResponseHours: t.firstResponseHours, resolutionHours: t.resolutionHours, teamId: await tierTeamId(trx, by, tier, t) };
    }
    const values = { tiers: JSON.stringify(tiers), locations: JSON.stringify(settings.locations) };
    await trx
      .insertInto('case_settings')
      .values({ org_id: orgId, ...values })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .execute();
    await recordAudit(trx, {
      orgId,
      userId: by.userId,
      actor: by.email,
      action: 'case.settings',
      targetType: 'organisation',
      targetId: orgId,
      ip: by.ip,
      // Readable: the tiers whose clocks or team changed (codes the audit page names), not their ids.
      details: { tiers: TIERS.filter((t) => JSON.stringify(tiers[t]) !== JSON.stringify(before[t])), locations: settings.locations.length },
    });
  });
  return getCaseSettings(db, orgId, locale);
}

/** The team a saved tier points at: its teamId (the organisation's), else the team of its name, else a new team of that name, else the tier's default team. */
async function tierTeamId(trx: Db, by: SettingsAuthor, tier: Tier, t: { team?: string | undefined; teamId?: string | undefined }): Promise<string> {
  if (t.teamId) {
    const found = await trx.selectFrom('teams').select('id').where('org_id', '=', by.orgId).where('id', '=', t.teamId).executeTakeFirst();
    if (!found) throw badRequest(casesMessages.text('noSuchTeam'));
    return found.id;
  }
  if (t.team) {
    const named = await teamIdByName(trx, by.orgId, t.team);
    if (named) return named;
    const created = await trx.insertInto('teams').values({ org_id: by.orgId, name: t.team }).returning('id').executeTakeFirstOrThrow();
    return created.id;
  }
  return (await teamForTier(trx, by.orgId, tier, undefined)).id;
}

/** The working calendar of a location: its configured hours, else weekdays 08:00–18:00, in its (or the organisation's) time zone. */
export async function calendarFor(db: Db, orgId: string, settings: CaseSettings, locationId: string | null): Promise<WorkingCalendar> {
  const configured = settings.locations.find((l) => l.locationId === locationId);
  const zone = locationId ? await db.selectFrom('locations').select('timezone').where('id', '=', locationId).where('org_id', '=', orgId).executeTakeFirst() : undefined;
  const timeZone = zone?.timezone ?? (await db.selectFrom('organisations').select('timezone').where('id', '=', orgId).executeTakeFirstOrThrow()).timezone;
  return { timeZone, weeklyHours: configured?.weeklyHours ?? DEFAULT_WEEKLY_HOURS, holidays: configured?.holidays ?? [] };
}

/**
 * Due times of a case opened at `openedAt`. General cases count the location's working hours
 * (patient service works office hours); major and malicious cases count clock hours, since a
 * crisis or an attack does not wait for Monday.
 */
export function dueTimes(tier: Tier, settings: CaseSettings, calendar: WorkingCalendar, openedAt: Date): { firstResponseDueAt: Date; resolutionDueAt: Date } {
  const t = settings.tiers[tier];
  if (tier === 'general') {
    return { firstResponseDueAt: addWorkingHours(openedAt, t.firstResponseHours, calendar), resolutionDueAt: addWorkingHours(openedAt, t.resolutionHours, calendar) };
  }
  return { firstResponseDueAt: new Date(openedAt.getTime() + t.firstResponseHours * 3_600_000), resolutionDueAt: new Date(openedAt.getTime() + t.resolutionHours * 3_600_000) };
}
