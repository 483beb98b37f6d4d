import type { QuietHours } from './alerts.vocab.ts';

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since local midnight (and seconds into the minute) of `now` in `timezone`. */
function localClock(now: Date, timezone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') };
}

/**
 * When `now` falls in the quiet hours, the moment they end; otherwise null. A period whose end is
 * before its start runs over midnight (22:00–07:00). Does not throw for a valid IANA time zone.
 */
export function quietUntil(quiet: QuietHours | null, now: Date): Date | null {
  if (!quiet) return null;
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  const { minutes, seconds } = localClock(now, quiet.timezone);
  const isQuiet = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!isQuiet) return null;
  const minutesLeft = (end - minutes + 1440) % 1440;
  return new Date(now.getTime() - seconds * 1000 - now.getMilliseconds() + minutesLeft * 60_000);
}
