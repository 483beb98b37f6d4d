import { z } from 'zod';
import { LOCALES } from '../../core/i18n.ts';
import { REPORT_CADENCES, REPORT_STATUSES } from './reports.vocab.ts';

/** At most this many recipients per schedule. */
export const MAX_RECIPIENTS = 50;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' });

export const ScheduleBody = z.object({
  cadence: z.enum(REPORT_CADENCES),
  /** null: the whole organisation. */
  locationId: z.uuid({ message: 'location must be a UUID' }).nullable().default(null),
  /** E-mail addresses; each is checked and a bad one is named in the error. */
  recipients: z.array(z.string().max(320)).max(200),
  locale: z.enum(LOCALES),
  sendHour: z.number().int().min(0).max(23).default(8),
  enabled: z.boolean().default(true),
});
export const SchedulePatch = ScheduleBody.partial();

export const ScheduleView = z.object({
  id: z.string(),
  cadence: z.enum(REPORT_CADENCES),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  recipients: z.array(z.string()),
  locale: z.enum(LOCALES),
  sendHour: z.number(),
  enabled: z.boolean(),
  createdAt: z.date(),
  /** The last report of this schedule, if any. */
  lastReport: z.object({ id: z.string(), periodStart: z.string(), status: z.enum(REPORT_STATUSES) }).nullable(),
});
export type ScheduleViewType = z.infer<typeof ScheduleView>;

export const MakeBody = z.object({
  /** Any day of the period to report (default: the last ended period in the organisation's time zone). */
  day: Day.optional(),
  /** Also send it to the schedule's recipients. */
  send: z.boolean().default(false),
});

export const ReportView = z.object({
  id: z.string(),
  scheduleId: z.string().nullable(),
  cadence: z.enum(REPORT_CADENCES),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  periodStart: z.string(),
  periodEnd: z.string(),
  locale: z.enum(LOCALES),
  status: z.enum(REPORT_STATUSES),
  recipients: z.array(z.string()),
  error: z.string().nullable(),
  pdfBytes: z.number(),
  filename: z.string(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
export type ReportViewType = z.infer<typeof ReportView>;

export const ReportListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  schedule: z.uuid({ message: 'schedule must be a UUID' }).optional(),
});
