import { z } from 'zod';
import { BUILT_IN_SOURCES, type BuiltInSource } from '../ingest/ingest.vocab.ts';
import { POLARITIES, SENTIMENT_LABELS } from '../analysis/analysis.vocab.ts';
import { CORRECTION_KINDS, MENTION_KINDS, MENTION_SORTS, MENTION_STATUSES } from './mentions.vocab.ts';

export const IdParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }) });

const span = z.tuple([z.number(), z.number()]);
export const AnalysisView = z.object({
  /** `corrected`: a person set the label; `engine`: what the analysis said before. */
  sentiment: z.object({
    label: z.enum(SENTIMENT_LABELS),
    score: z.number(),
    confidence: z.number(),
    corrected: z.boolean().optional(),
    engine: z.object({ label: z.enum(SENTIMENT_LABELS), score: z.number(), confidence: z.number() }).optional(),
  }),
  aspects: z.array(z.object({ aspect: z.string(), polarity: z.enum(POLARITIES), span })),
  risks: z.array(
    z.object({
      risk: z.string(),
      span,
      cue: z.string().optional(),
      confidence: z.number().optional(),
      corrections: z.number().optional(),
      dismissed: z.boolean().optional(),
      corrected: z.boolean().optional(),
    }),
  ),
  staff: z.array(z.object({ id: z.string(), name: z.string(), span, confidence: z.number(), candidates: z.array(z.string()).optional(), corrected: z.boolean().optional() })),
  ratingConflict: z.boolean(),
  authenticity: z.object({ score: z.number(), signals: z.array(z.string()) }),
  riskThreshold: z.number().optional(),
  modelVersion: z.string(),
});

/** Why a mention waits for a person: a major risk the analysis is not sure enough of to open a Major case. */
export const ReviewEvidence = z.object({ risk: z.string(), span, cue: z.string(), confidence: z.number() });

/** A correction as the mention's page shows it: what, by whom, when. */
export const CorrectionView = z.object({ id: z.string(), kind: z.enum(CORRECTION_KINDS), value: z.string(), correctedBy: z.string().nullable(), correctedAt: z.date() });

export const MentionView = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  /** Which source Verity keeps for itself the mention came through (its name is shown in the reader's language), or null. */
  sourceBuiltIn: z.enum(Object.keys(BUILT_IN_SOURCES) as [BuiltInSource, ...BuiltInSource[]]).nullable(),
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
  /** Flagged "to review": a weak major-risk signal; review holds the evidence. */
  toReview: z.boolean(),
  review: z.array(ReviewEvidence).nullable(),
  /** The import run that brought it in (file, push, feed…), or null. */
  importRunId: z.string().nullable(),
  /** The case it belongs to (an open one first), or null. */
  caseId: z.string().nullable(),
  caseNumber: z.number().nullable(),
  /** The corrections people made to its analysis (the mention's own page only). */
  corrections: z.array(CorrectionView).optional(),
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
  lang: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'lang must be an ISO 639 code')
    .optional(),
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
  author: z.string().max(200).optional(),
  importRun: z.uuid({ message: 'importRun must be an import run id' }).optional(),
  toReview: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** true: leave out dismissed mentions (as the dashboards do, so a heat-map cell's link lists exactly its mentions). */
  hideDismissed: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(MENTION_SORTS).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type MentionFiltersType = z.infer<typeof MentionFilters>;

export const UpdateMentionBody = z.object({ status: z.enum(MENTION_STATUSES) });

/** "Not a risk": one risk of the review evidence, or every flagged risk when none is named. */
export const NotARiskBody = z.object({ risk: z.string().max(40).optional() });

/** A person's correction to a mention's analysis: the sentiment (a label), staff_add/staff_remove (a staff id), risk_add (a risk). */
export const CorrectionBody = z
  .object({
    kind: z.enum(CORRECTION_KINDS, { message: `kind must be one of ${CORRECTION_KINDS.join(', ')}` }),
    value: z.string({ message: 'value is required' }).trim().min(1, 'value is required').max(80, 'value is at most 80 characters'),
  })
  .strict();

export const CorrectionParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }), correctionId: z.uuid({ message: 'correctionId must be a UUID' }) });
