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
