/** Working-hours arithmetic in a location's own time zone, for SLA due times. */
import { WEEKDAYS, type Weekday } from './cases.vocab.ts';

export { WEEKDAYS, type Weekday };

/** Opening hours of one weekday ('HH:MM'; an end before the start runs overnight into the next day), or null when closed. */
export type DayHours = { start: string; end: string } | null;
export type WeeklyHours = Record<Weekday, DayHours>;

export interface WorkingCalendar {
  /** IANA time zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  weeklyHours: WeeklyHours;
  /** Closed days as local dates 'YYYY-MM-DD'. */
  holidays: string[];
}

export const DEFAULT_WEEKLY_HOURS: WeeklyHours = {
  mon: { start: '08:00', end: '18:00' },
  tue: { start: '08:00', end: '18:00' },
  wed: { start: '08:00', end: '18:00' },
  thu: { start: '08:00', end: '18:00' },
  fri: { start: '08:00', end: '18:00' },
  sat: null,
  sun: null,
};

const HOUR_MS = 3_600_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone. */
function localParts(utcMs: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** How far the zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetMs(utcMs: number, timeZone: string): number {
  const p = localParts(utcMs, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** The instant a wall-clock time in a zone happens; a time skipped by a DST jump lands just after it. */
export function zonedTimeToUtc(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const first = guess - offsetMs(guess, timeZone);
  // The offset at the guess may differ from the offset at the answer near a DST change; one more round settles it.
  return guess - offsetMs(first, timeZone);
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

const isoDate = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * The instant `hours` working hours after `start`, counting only the calendar's opening hours on
 * days that are not holidays, in its time zone. Work starts at the next opening when `start` is
 * outside hours. Throws when the calendar has no working day at all.
 */
export function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  if (!WEEKDAYS.some((d) => calendar.weeklyHours[d])) throw new Error('the working calendar has no working day');
  const holidays = new Set(calendar.holidays);
  let remaining = Math.max(0, hours) * HOUR_MS;
  let cursor = start.getTime();
  // Start a day early: an overnight shift that opened yesterday may still be running.
  const today = localParts(cursor, calendar.timeZone);
  const yesterday = new Date(Date.UTC(today.year, today.month - 1, today.day - 1));
  let year = yesterday.getUTCFullYear();
  let month = yesterday.getUTCMonth() + 1;
  let day = yesterday.getUTCDate();
  // Ten years of holidays is more than any calendar holds; the bound only stops a runaway loop.
  for (let i = 0; i < 3660; i++) {
    const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()]!;
    const hoursToday = calendar.weeklyHours[weekday];
    if (hoursToday && !holidays.has(isoDate(year, month, day))) {
      const open = zonedTimeToUtc(year, month, day, minutesOf(hoursToday.start), calendar.timeZone);
      // An end at or before the start is an overnight shift that closes the next morning.
      const endMinutes = minutesOf(hoursToday.end) + (hoursToday.end <= hoursToday.start ? 24 * 60 : 0);
      const close = zonedTimeToUtc(year, month, day, endMinutes, calendar.timeZone);
      if (cursor < open) cursor = open;
      if (cursor < close) {
        if (remaining <= close - cursor) return new Date(cursor + remaining);
        remaining -= close - cursor;
        cursor = close;
      }
    }
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    year = next.getUTCFullYear();
    month = next.getUTCMonth() + 1;
    day = next.getUTCDate();
  }
  throw new Error('no working time within ten years');
}
