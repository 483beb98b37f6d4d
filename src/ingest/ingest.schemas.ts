import { z } from 'zod';
import { MENTION_KINDS } from '../mentions/mentions.vocab.ts';
import { BUILT_IN_SOURCES, CREATABLE_SOURCE_KINDS, IMPORT_CHANNELS, IMPORT_RUN_STATUSES, SOURCE_KINDS, type BuiltInSource } from './ingest.vocab.ts';

export const IdParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }) });

/** A rejected row: the row, its reason in the reader's language, and the reason's code and parameters for programs. */
export const RejectedRowView = z.object({
  row: z.number(),
  reason: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});

const BUILT_IN_SOURCE_KEYS = Object.keys(BUILT_IN_SOURCES) as [BuiltInSource, ...BuiltInSource[]];

export const ImportRunView = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  /** Which source Verity keeps for itself the run went to (named in the reader's language), or null. */
  sourceBuiltIn: z.enum(BUILT_IN_SOURCE_KEYS).nullable(),
  channel: z.enum(IMPORT_CHANNELS),
  fileName: z.string().nullable(),
  format: z.string().nullable(),
  status: z.enum(IMPORT_RUN_STATUSES),
  accepted: z.number(),
  duplicates: z.number(),
  updated: z.number(),
  rejectedCount: z.number(),
  rejected: z.array(RejectedRowView),
  error: z.string().nullable(),
  /** The file's default location and department for rows that name none. */
  locationId: z.string().nullable(),
  departmentId: z.string().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

const BUILT_IN_KEYS = Object.keys(BUILT_IN_SOURCES) as [BuiltInSource, ...BuiltInSource[]];

/** A competitor's name (trimmed, up to 200 characters); empty or null: the source is our own. */
const CompetitorName = z
  .string()
  .trim()
  .max(200, 'competitor must be at most 200 characters')
  .nullable()
  .transform((s) => s || null);

export const SourceView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  /** Which source Verity keeps for itself this is (its name is shown in the reader's language), or null. */
  builtIn: z.enum(BUILT_IN_KEYS).nullable(),
  platform: z.string(),
  url: z.string().nullable(),
  pollMinutes: z.number().nullable(),
  createdAt: z.date(),
  lastPolledAt: z.date().nullable(),
  lastPollError: z.string().nullable(),
  /** Location and department (ids) given to mentions of this source that name none. */
  defaultLocationId: z.string().nullable(),
  defaultDepartmentId: z.string().nullable(),
  mentionCount: z.number(),
  lastRun: ImportRunView.nullable(),
  /** The named competitor whose mentions this source brings (the dashboards' benchmark); null: our own. */
  competitor: z.string().nullable(),
});

export const CreateSourceBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(CREATABLE_SOURCE_KINDS),
    platform: z.string().trim().max(80).optional(),
    url: z
      .url({ protocol: /^https?$/, message: 'url must be an http(s) URL' })
      .max(2000)
      .optional(),
    pollMinutes: z.number().int().min(5, 'pollMinutes must be at least 5').max(10080).optional(),
    competitor: CompetitorName.optional(),
  })
  .refine((s) => s.kind !== 'rss' || s.url, { message: 'an rss source needs a url', path: ['url'] });

export const SourceDefaultsBody = z.object({
  defaultLocationId: z.uuid().nullable(),
  defaultDepartmentId: z.uuid().nullable(),
  /** Left out: unchanged; null or empty: our own source again. */
  competitor: CompetitorName.optional(),
});

export const CreatedSource = z.object({ source: SourceView, token: z.string().optional(), webhookSecret: z.string().optional() });

/** A mention typed in by staff: an offline complaint, a hotline note. */
export const CreateMentionBody = z
  .object({
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
export type CreateMentionBodyType = z.infer<typeof CreateMentionBody>;
