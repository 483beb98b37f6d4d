import type { Db } from '../db/database.ts';
import type { ExclusionWindow } from '../db/schema-outreach.ts';

/*
 * The contact rules every message obeys, at scheduling and again at sending: the patient's
 * opt-out, a patient's "do not contact until", and the organisation's exclusion windows (every
 * night, a holiday). The contact window (once in N days) is the invitations' own rule.
 */

const MINUTE = 60_000;

/** Minutes since local midnight of `at` in `timezone`. */
function localMinutes(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** When the window containing `at` ends, or null when `at` is in none of them. */
function windowEnd(window: ExclusionWindow, at: Date, timezone: string): Date | null {
  if (window.kind === 'dates') {
    const from = new Date(window.from);
    const to = new Date(window.to);
    return at >= from && at < to ? to : null;
  }
  const m = localMinutes(at, timezone);
  const from = toMinutes(window.from);
  const to = toMinutes(window.to);
  if (from === to) return null;
  const inside = from < to ? m >= from && m < to : m >= from || m < to;
  if (!inside) return null;
  const end = new Date(at.getTime() + ((to - m + 1440) % 1440) * MINUTE);
  end.setUTCSeconds(0, 0);
  return end;
}

/** The first moment at or after `at` outside every exclusion window (`at` itself when it is outside them). */
export function nextAllowedTime(windows: readonly ExclusionWindow[], at: Date, timezone: string): Date {
  let t = at;
  for (let i = 0; i < 20; i++) {
    const ends = windows.map((w) => windowEnd(w, t, timezone)).filter((d): d is Date => d !== null);
    if (ends.length === 0) return t;
    t = new Date(Math.max(...ends.map((d) => d.getTime())));
  }
  return t;
}

export type ContactBlock = { reason: 'opted_out' } | { reason: 'patient_hold'; until: Date } | { reason: 'excluded'; until: Date };

/** Why a patient may not be contacted at `at`, or null when they may. A patient of another organisation reads as opted out. */
export async function contactBlock(db: Db, orgId: string, patientId: string, at: Date): Promise<ContactBlock | null> {
  const patient = await db
    .selectFrom('patients as p')
    .leftJoin('patient_contact_holds as h', 'h.patient_id', 'p.id')
    .leftJoin('outreach_settings as s', 's.org_id', 'p.org_id')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .select(['p.opted_out_at', 'h.until', 's.exclusion_windows', 's.enabled', 'o.timezone'])
    .where('p.id', '=', patientId)
    .where('p.org_id', '=', orgId)
    .executeTakeFirst();
  if (!patient || patient.opted_out_at) return { reason: 'opted_out' };
  if (patient.until && patient.until > at) return { reason: 'patient_hold', until: patient.until };
  const next = nextAllowedTime(patient.exclusion_windows ?? [], at, patient.timezone);
  if (next > at) return { reason: 'excluded', until: next };
  return null;
}

/**
 * Whether a patient may be contacted at `at`: not opted out, no "do not contact until" past `at`,
 * and `at` outside the organisation's exclusion windows. Follow-ups ask this before each message.
 */
export async function isContactable(db: Db, orgId: string, patientId: string, at: Date = new Date()): Promise<boolean> {
  return (await contactBlock(db, orgId, patientId, at)) === null;
}
