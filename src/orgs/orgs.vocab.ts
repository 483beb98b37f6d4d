/*
 * The organisation's own rules as plain values (no zod, no database), for the server's schemas
 * and the web's forms alike.
 */

/** A location's or department's short code: letters, digits, _ . - (any script, so 心内科 is a code too). */
export const CODE_PATTERN = /^[\p{L}\p{N}_.-]+$/u;

/** The time zone of a location created without one. */
export const DEFAULT_TIMEZONE = 'UTC';

/** Whether `tz` is an IANA time zone this runtime knows (Asia/Shanghai, Europe/Moscow, UTC…). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
