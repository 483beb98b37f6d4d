import { defineFeature } from '../core/feature.ts';
import { sendInvitationsJob } from './jobs/send-invitations.job.ts';
import { optOutRoutes } from './opt-out.routes.ts';
import { outreachPermissions } from './outreach.permissions.ts';
import { outreachRoutes } from './outreach.routes.ts';

/** Outreach: patients and visits (imported from CSV, FHIR R4, HL7 v2), post-visit invitations by e-mail and SMS under the contact rules, opting out. */
export const outreachFeature = defineFeature({ name: 'outreach', routes: [outreachRoutes, optOutRoutes], jobs: [sendInvitationsJob], permissions: outreachPermissions });

// What follow-ups, reports and the demo use.
export { isContactable, contactBlock, nextAllowedTime, type ContactBlock } from './contact-rules.ts';
export { upsertPatient, type PatientInput } from './upsert-patient.ts';
export { importVisits, detectFormat, type ImportReport } from './import-visits.ts';
export { sendDueInvitations, type SendSummary } from './send-invitations.ts';
export { getOutreachSettings, updateOutreachSettings, type OutreachSettings } from './outreach-settings.ts';
export { scheduleInvitations } from './schedule-invitations.ts';
export { createOptOutLink } from './invitation-message.ts';
export { smsProviderFor } from './sms/index.ts';
