/**
 * The vocabulary of outreach: patients, their visits, and the invitations Verity sends them.
 * Pure (no zod, no database, no Node APIs): the web imports it too.
 */

/** What kind of contact with the clinic a visit was. */
export const VISIT_KINDS = ['outpatient', 'inpatient', 'emergency', 'day_case', 'telehealth'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** Where a visit came from. */
export const VISIT_SOURCES = ['csv', 'fhir', 'hl7', 'manual'] as const;
export type VisitSource = (typeof VISIT_SOURCES)[number];

/** How an invitation reaches a patient. */
export const INVITATION_CHANNELS = ['email', 'sms'] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];

/**
 * What an invitation asks for: an official survey, or a request to review the clinic on a public
 * site (which the US CAHPS rule forbids sending before or with an official survey invitation).
 */
export const INVITATION_KINDS = ['survey', 'review_request'] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

/** scheduled → sent | skipped (a contact rule, with its reason) | failed (after retries). */
export const INVITATION_STATUSES = ['scheduled', 'sent', 'skipped', 'failed'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** The market an organisation serves: it picks the SMS provider offered first and the CAHPS rule's default. */
export const MARKETS = ['cn', 'ru', 'us', 'eu'] as const;
export type Market = (typeof MARKETS)[number];

/** How SMS leave Verity: `log` keeps them in the organisation's SMS outbox (development); the rest are real providers. */
export const SMS_PROVIDERS = ['log', 'aliyun', 'smsru', 'twilio'] as const;
export type SmsProviderKind = (typeof SMS_PROVIDERS)[number];

/** The provider each market uses by default. */
export const MARKET_SMS_PROVIDER: Record<Market, SmsProviderKind> = { cn: 'aliyun', ru: 'smsru', us: 'twilio', eu: 'twilio' };

/** The US CAHPS rule (no review request before or with the official survey) is on by default only in the US. */
export function cahpsRuleDefault(market: Market): boolean {
  return market === 'us';
}

/** Why an invitation was not sent: a contact rule, or nothing to send it with. */
export const SKIP_REASONS = ['opted_out', 'contact_window', 'patient_hold', 'no_contact', 'no_survey', 'no_review_links', 'cahps_order', 'outreach_off'] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

/** The formats a visit file may come in. */
export const IMPORT_FORMATS = ['csv', 'fhir', 'hl7'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Days an invitation's contact window lasts unless the organisation says otherwise. */
export const DEFAULT_CONTACT_WINDOW_DAYS = 30;
/** Hours after a visit ends that its invitation waits by default. */
export const DEFAULT_DELAY_HOURS = 24;
/** Sending attempts before an invitation is failed. */
export const MAX_SEND_ATTEMPTS = 4;

/** Minutes to wait before attempt `n + 1` (after `n` failed ones): 5, 20, 80… */
export function retryDelayMinutes(failedAttempts: number): number {
  return 5 * 4 ** Math.max(0, failedAttempts - 1);
}
