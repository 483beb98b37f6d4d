/*
 * The sign-in rules people are told about, as plain values (no zod, no database): the web shows
 * them in forms and hints, the server enforces them.
 */

/** The shortest password Verity accepts (characters). */
export const MIN_PASSWORD_LENGTH = 12;
/** The lowest zxcvbn score (0–4) a new password may have: 3 is "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

/*
 * Login throttling: growing delays, never a lock. Failures are counted under three keys; after a
 * key's free failures, each further one makes the next attempt under that key wait twice as long
 * (1 s, 2 s, 4 s …) up to the key's cap. An attempt made during a wait is refused (429 with
 * Retry-After) without checking the password and without counting.
 *  - account and address together: the guesser's own key; the owner at another address is not
 *    slowed by it;
 *  - address: one address trying many accounts (several people may share it, so a short cap);
 *  - account: guesses from many addresses at one account (a much higher bound, a short cap).
 * An address the account has signed in from before is exempt from the address and account waits,
 * so a burst of failures elsewhere never keeps the owner out; a live session never needs a login.
 */
export const LOGIN_THROTTLE = {
  pair: { freeFailures: 5, capSeconds: 15 * 60 },
  address: { freeFailures: 30, capSeconds: 60 },
  account: { freeFailures: 100, capSeconds: 60 },
} as const;
/** Failures are forgotten when the key has had none for this long. */
export const LOGIN_FAILURE_MEMORY_MINUTES = 60;
/** How long an address the account signed in from counts as known. */
export const KNOWN_ADDRESS_DAYS = 30;
