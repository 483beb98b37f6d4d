import { z } from 'zod';
import { IMPORT_RUN_STATUSES, SOURCE_KINDS } from './ingest.vocab.ts';

export const ImportRunView = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceName: z.string(),
  channel: z.string(),
  fileName: z.string().nullable(),
  format: z.string().nullable(),
  status: z.enum(IMPORT_RUN_STATUSES),
  accepted: z.number(),
  duplicates: z.number(),
  updated: z.number(),
  rejectedCount: z.number(),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
  error: z.string().nullable(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
});

export const SourceView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  platform: z.string(),
  url: z.string().nullable(),
  pollMinutes: z.number().nullable(),
  createdAt: z.date(),
  lastPolledAt: z.date().nullable(),
  lastPollError: z.string().nullable(),
  mentionCount: z.number(),
  lastRun: ImportRunView.nullable(),
});

export const CreateSourceBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(SOURCE_KINDS),
    platform: z.string().trim().max(80).optional(),
    url: z.url({ protocol: /^https?$/, message: 'url must be an http(s) URL' }).max(2000).optional(),
    pollMinutes: z.number().int().min(5, 'pollMinutes must be at least 5').max(10080).optional(),
  })
  .refine((s) => s.kind !== 'rss' || s.url, { message: 'an rss source needs a url', path: ['url'] });

export const CreatedSource = z.object({ source: SourceView, token: z.string().optional(), webhookSecret: z.string().optional() });
