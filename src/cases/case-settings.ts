import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import { addWorkingHours, DEFAULT_WEEKLY_HOURS, type WorkingCalendar } from './business-hours.ts';
import type { CaseSettings, Tier } from './cases.schemas.ts';

export const DEFAULT_CASE_SETTINGS: CaseSettings = {
  tiers: {
    general: { firstResponseHours: 4, resolutionHours: 40, team: 'Patient service' },
    major: { firstResponseHours: 48, resolutionHours: 168, team: 'Leadership task force' },
    malicious: { firstResponseHours: 24, resolutionHours: 240, team: 'Legal and PR' },
  },
  locations: [],
};

/** The organisation's case settings, or the defaults when it has saved none. */
export async function getCaseSettings(db: Db, orgId: string): Promise<CaseSettings> {
  const row = await db.selectFrom('case_settings').select(['tiers', 'locations']).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return DEFAULT_CASE_SETTINGS;
  return { tiers: row.tiers as CaseSettings['tiers'], locations: row.locations as CaseSettings['locations'] };
}

/** Saves the settings. Throws bad_request when a location is not the organisation's or is listed twice. */
export async function updateCaseSettings(db: Db, orgId: string, settings: CaseSettings): Promise<CaseSettings> {
  const ids = settings.locations.map((l) => l.locationId);
  if (new Set(ids).size !== ids.length) throw badRequest('a location is listed twice');
  if (ids.length) {
    const found = await db.selectFrom('locations').select('id').where('org_id', '=', orgId).where('id', 'in', ids).execute();
    if (found.length !== ids.length) throw badRequest('locations names a location that does not exist');
  }
  const values = { tiers: JSON.stringify(settings.tiers), locations: JSON.stringify(settings.locations) };
  await db
    .insertInto('case_settings')
    .values({ org_id: orgId, ...values })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
  return settings;
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
