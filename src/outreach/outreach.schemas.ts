import { z } from 'zod';
import { LOCALES } from '../core/i18n.ts';
import { IMPORT_FORMATS, INVITATION_CHANNELS, INVITATION_KINDS, INVITATION_STATUSES, MARKETS, SKIP_REASONS, SMS_PROVIDERS, VISIT_KINDS, VISIT_SOURCES } from './outreach.vocab.ts';

export const PatientView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  name: z.string(),
  /** Null, with contactHidden, for roles without patients.contact. */
  phone: z.string().nullable(),
  email: z.string().nullable(),
  contactHidden: z.boolean(),
  locale: z.enum(LOCALES).nullable(),
  optedOutAt: z.date().nullable(),
  doNotContactUntil: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const PatientQuery = z.object({
  /** Words of the name, the MRN, or (for roles that see contact details) a phone number or an e-mail address. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const PatientPatchBody = z
  .object({
    optedOut: z.boolean().optional(),
    locale: z.enum(LOCALES).nullable().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{5,24}$/, 'is not a phone number')
      .nullable()
      .optional(),
    email: z.email({ message: 'is not an e-mail address' }).max(320).nullable().optional(),
    doNotContactUntil: z.coerce.date().nullable().optional(),
  })
  .strict();

export const VisitView = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  patientId: z.string(),
  patientName: z.string(),
  kind: z.enum(VISIT_KINDS),
  source: z.enum(VISIT_SOURCES),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  startedAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  createdAt: z.date(),
});

export const VisitQuery = z.object({
  patientId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ImportQuery = z.object({ format: z.enum(IMPORT_FORMATS).optional() });

export const ImportReportView = z.object({
  format: z.enum(IMPORT_FORMATS),
  accepted: z.number(),
  duplicates: z.number(),
  patientsCreated: z.number(),
  rejected: z.array(z.object({ where: z.string(), visitId: z.string().nullable(), reason: z.string(), code: z.string() })),
  invitations: z.object({ scheduled: z.number(), skipped: z.number() }),
});

export const InvitationView = z.object({
  id: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  visitId: z.string().nullable(),
  visitExternalId: z.string().nullable(),
  visitKind: z.enum(VISIT_KINDS).nullable(),
  surveyId: z.string().nullable(),
  surveyName: z.string().nullable(),
  kind: z.enum(INVITATION_KINDS),
  channel: z.enum(INVITATION_CHANNELS),
  /** The phone or e-mail it goes to; null, with contactHidden, for roles without patients.contact. */
  to: z.string().nullable(),
  contactHidden: z.boolean(),
  status: z.enum(INVITATION_STATUSES),
  skipReason: z.enum(SKIP_REASONS).nullable(),
  /** The skip reason in the reader's language. */
  skipReasonText: z.string().nullable(),
  error: z.string().nullable(),
  attempts: z.number(),
  scheduledFor: z.date(),
  sentAt: z.date().nullable(),
  responded: z.boolean(),
});

export const InvitationQuery = z.object({
  status: z.enum(INVITATION_STATUSES).optional(),
  patientId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const Hours = z.number().int().min(0).max(8760);
const ExclusionWindowSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), from: z.string(), to: z.string(), label: z.string().trim().max(100).optional() }),
  z.object({ kind: z.literal('dates'), from: z.string(), to: z.string(), label: z.string().trim().max(100).optional() }),
]);

export const SettingsView = z.object({
  enabled: z.boolean(),
  market: z.enum(MARKETS),
  cahpsRule: z.boolean(),
  cahpsRuleSetting: z.boolean().nullable(),
  contactWindowDays: z.number(),
  delayHours: z.partialRecord(z.enum(VISIT_KINDS), z.number()),
  surveyIds: z.partialRecord(z.enum(VISIT_KINDS), z.string()),
  defaultSurveyId: z.string().nullable(),
  channelPreference: z.enum(INVITATION_CHANNELS),
  reviewRequestHours: z.number().nullable(),
  exclusionWindows: z.array(ExclusionWindowSchema),
  smsProvider: z.enum(SMS_PROVIDERS),
  /** Secrets masked (•••• and the last four characters); send them back unchanged to keep them. */
  smsConfig: z.record(z.string(), z.string()),
  timezone: z.string(),
});

export const SettingsBody = z
  .object({
    enabled: z.boolean().optional(),
    market: z.enum(MARKETS).optional(),
    /** null: the market's default. */
    cahpsRule: z.boolean().nullable().optional(),
    contactWindowDays: z.number().int().min(0).max(3650).optional(),
    delayHours: z.partialRecord(z.enum(VISIT_KINDS), Hours).optional(),
    surveyIds: z.partialRecord(z.enum(VISIT_KINDS), z.uuid()).optional(),
    defaultSurveyId: z.uuid().nullable().optional(),
    channelPreference: z.enum(INVITATION_CHANNELS).optional(),
    reviewRequestHours: Hours.nullable().optional(),
    exclusionWindows: z.array(ExclusionWindowSchema).max(50).optional(),
    smsProvider: z.enum(SMS_PROVIDERS).optional(),
    smsConfig: z.record(z.string(), z.string().max(500)).optional(),
  })
  .strict();

export const SmsOutboxView = z.object({ id: z.string(), invitationId: z.string().nullable(), to: z.string(), text: z.string(), createdAt: z.date() });
