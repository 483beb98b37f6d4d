import { z } from 'zod';
import { SENTIMENT_LABELS } from '../analysis/analysis.vocab.ts';
import { MENTION_KINDS, MENTION_STATUSES } from './mentions.vocab.ts';

const span = z.tuple([z.number(), z.number()]);
export const AnalysisView = z.object({
  sentiment: z.object({ label: z.enum(SENTIMENT_LABELS), score: z.number(), confidence: z.number() }),
  aspects: z.array(z.object({ aspect: z.string(), polarity: z.enum(SENTIMENT_LABELS), span })),
  risks: z.array(z.object({ risk: z.string(), span })),
  staff: z.array(z.object({ id: z.string(), name: z.string(), span, confidence: z.number() })),
  ratingConflict: z.boolean(),
  authenticity: z.object({ score: z.number(), signals: z.array(z.string()) }),
  modelVersion: z.string(),
});

export const MentionView = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  kind: z.enum(MENTION_KINDS),
  externalId: z.string().nullable(),
  url: z.string().nullable(),
  authorHandle: z.string().nullable(),
  ratingRaw: z.number().nullable(),
  ratingScale: z.number().nullable(),
  rating: z.number().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  lang: z.string().nullable(),
  publishedAt: z.date().nullable(),
  receivedAt: z.date(),
  locationId: z.string().nullable(),
  locationName: z.string().nullable(),
  departmentId: z.string().nullable(),
  departmentName: z.string().nullable(),
  status: z.enum(MENTION_STATUSES),
  version: z.number(),
  analysis: AnalysisView.nullable(),
});
export type MentionViewType = z.infer<typeof MentionView>;

export const MentionVersionView = z.object({
  version: z.number(),
  title: z.string().nullable(),
  text: z.string(),
  ratingRaw: z.number().nullable(),
  rating: z.number().nullable(),
  receivedAt: z.date(),
});

const isoDate = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).or(z.iso.date({ message: 'must be an ISO date (YYYY-MM-DD)' }));

export const MentionFilters = z.object({
  source: z.uuid({ message: 'source must be a source id' }).optional(),
  location: z.uuid({ message: 'location must be a location id' }).optional(),
  department: z.uuid({ message: 'department must be a department id' }).optional(),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'lang must be an ISO 639 code').optional(),
  ratingMin: z.coerce.number().min(1).max(5).optional(),
  ratingMax: z.coerce.number().min(1).max(5).optional(),
  status: z.enum(MENTION_STATUSES).optional(),
  kind: z.enum(MENTION_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().max(200).optional(),
  sentiment: z.enum(SENTIMENT_LABELS).optional(),
  aspect: z.string().max(80).optional(),
  risk: z.string().max(40).optional(),
  staff: z.uuid({ message: 'staff must be a staff id' }).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MentionFiltersType = z.infer<typeof MentionFilters>;

export const CreateMentionBody = z.object({
  kind: z.enum(MENTION_KINDS).default('offline_complaint'),
  text: z.string().trim().min(1, 'text is empty').max(20_000),
  title: z.string().trim().max(500).optional(),
  authorHandle: z.string().trim().max(200).optional(),
  ratingRaw: z.number().min(0).max(100).optional(),
  ratingScale: z.number().int().min(1).max(100).optional(),
  locationId: z.uuid().optional(),
  departmentId: z.uuid().optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  sourceId: z.uuid().optional(),
})
  // Files and pushes reject a rating above its scale (map-record); typed-in ones must too.
  .refine((b) => b.ratingRaw === undefined || b.ratingRaw <= (b.ratingScale ?? 5), { message: 'ratingRaw is above ratingScale (5 when not given)', path: ['ratingRaw'] });

export const UpdateMentionBody = z.object({ status: z.enum(MENTION_STATUSES) });
