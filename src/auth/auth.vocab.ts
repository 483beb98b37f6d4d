/*
 * The sign-in rules people are told about, as plain values (no zod, no database): the web shows
 * them in forms and hints, the server enforces them.
 */

/** The shortest password Verity accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** Failed logins for one e-mail within the window before even the right password is refused. */
export const LOGIN_MAX_FAILURES = 10;
/** Failed logins from one address within the window (several people may share an address). */
export const LOGIN_MAX_FAILURES_PER_ADDRESS = LOGIN_MAX_FAILURES * 5;
/** The window the failures are counted in. */
export const LOGIN_WINDOW_MINUTES = 15;
