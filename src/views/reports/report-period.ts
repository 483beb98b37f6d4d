import type { ReportCadence } from './reports.vocab.ts';

/*
 * The periods of reports in the organisation's wall-clock time (pure): a week is Monday to Sunday,
 * a month is its calendar month, both ends included as YYYY-MM-DD. A period's report is due from
 * `send_hour` on the day after it ends (Monday, the 1st) until the next period ends, so a server
 * that was down on Monday morning still sends it when it comes back.
 */

export interface ReportPeriod {
  /** The first day (YYYY-MM-DD). */
  start: string;
  /** The last day, included. */
  end: string;
}

const DAY_MS = 86_400_000;

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** An instant as the wall clock of a time zone: its day (YYYY-MM-DD) and `YYYY-MM-DDTHH:MM` for comparisons. */
export function wallClock(at: Date, timezone: string): { day: string; minute: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  return { day, minute: `${day}T${get('hour')}:${get('minute')}` };
}

/** The week (Monday–Sunday) or calendar month that contains a day. */
export function periodContaining(cadence: ReportCadence, day: string): ReportPeriod {
  if (cadence === 'weekly') {
    const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    const start = addDays(day, -weekday);
    return { start, end: addDays(start, 6) };
  }
  const start = `${day.slice(0, 7)}-01`;
  const next = new Date(`${start}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { start, end: addDays(next.toISOString().slice(0, 10), -1) };
}

/** The period just before one of the same cadence. */
export function previousPeriod(cadence: ReportCadence, period: ReportPeriod): ReportPeriod {
  return periodContaining(cadence, addDays(period.start, -1));
}

/** The last period that has ended by a day (the one before the period containing it). */
export function lastEndedPeriod(cadence: ReportCadence, today: string): ReportPeriod {
  return previousPeriod(cadence, periodContaining(cadence, today));
}

/** The moment a period's report is sent, as wall-clock `YYYY-MM-DDTHH:MM`: send_hour on the day after its end. */
export function sendMoment(period: ReportPeriod, sendHour: number): string {
  return `${addDays(period.end, 1)}T${String(sendHour).padStart(2, '0')}:00`;
}

/**
 * The period whose report a schedule owes at `now`, or null: the last ended period once its send
 * moment has come in the time zone, before that moment the one before it; never a period whose
 * send moment came before the schedule was created (a new schedule starts with the next period
 * rather than sending an old one at once). The caller skips a period that has its report.
 */
export function duePeriod(schedule: { cadence: ReportCadence; sendHour: number; createdAt: Date }, now: Date, timezone: string): ReportPeriod | null {
  const clock = wallClock(now, timezone);
  const created = wallClock(schedule.createdAt, timezone).minute;
  const last = lastEndedPeriod(schedule.cadence, clock.day);
  const period = clock.minute >= sendMoment(last, schedule.sendHour) ? last : previousPeriod(schedule.cadence, last);
  return created > sendMoment(period, schedule.sendHour) ? null : period;
}
