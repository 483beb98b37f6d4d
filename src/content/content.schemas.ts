import { z } from 'zod';
import { LOCALES } from '../core/i18n.ts';
import { MARKETS } from '../outreach/outreach.vocab.ts';
import { CONSENT_USES, PUBLICATION_CHANNELS, STORY_STATUSES, USE_FLAG_REASONS } from '../stories/stories.vocab.ts';
import { POST_STATUSES, POSTER_SIZES, POSTER_TEMPLATES } from './content.vocab.ts';

export const BrandView = z.object({
  primaryColor: z.string(),
  accentColor: z.string(),
  tagline: z.string(),
  website: z.string(),
  hasLogo: z.boolean(),
  contrast: z.object({ ratio: z.number(), ok: z.boolean() }),
  updatedAt: z.date().nullable(),
});

export const BrandBody = z.object({
  /** #rrggbb; white text on it must reach 3:1 (4.5:1 recommended, else a warning). */
  primaryColor: z.string().max(20),
  accentColor: z.string().max(20),
  tagline: z.string().max(120).default(''),
  website: z.string().max(300).default(''),
  /** base64 (or a data: URL) of a PNG, JPEG or SVG of at most 512 KB; null removes the logo; absent keeps it. */
  logo: z.string().max(1_200_000).nullable().optional(),
});

export const Finding = z.object({ rule: z.string(), severity: z.enum(['block', 'warn']), law: z.string(), text: z.string() });

export const PosterBody = z.object({
  storyId: z.uuid({ message: 'storyId must be a UUID' }),
  quote: z.string().max(2000),
  attribution: z.string().max(500).default(''),
  locale: z.enum(LOCALES),
  size: z.enum(POSTER_SIZES).default('a4'),
  template: z.enum(POSTER_TEMPLATES).default('warm'),
  use: z.enum(CONSENT_USES),
  channel: z.enum(PUBLICATION_CHANNELS),
  qr: z.boolean().default(false),
  market: z.enum(MARKETS).optional(),
});

export const PosterView = z.object({
  id: z.string(),
  storyId: z.string(),
  storyTitle: z.string(),
  quote: z.string(),
  attribution: z.string(),
  locale: z.enum(LOCALES),
  size: z.enum(POSTER_SIZES),
  template: z.enum(POSTER_TEMPLATES),
  use: z.enum(CONSENT_USES),
  channel: z.enum(PUBLICATION_CHANNELS),
  notices: z.array(z.string()),
  shareCode: z.string().nullable(),
  createdAt: z.date(),
  createdBy: z.string().nullable(),
  flag: z.object({ reason: z.enum(USE_FLAG_REASONS), at: z.date(), takenDownAt: z.date().nullable() }).nullable(),
});

export const PosterListQuery = z.object({ story: z.uuid().optional() });

const When = z.iso.datetime({ offset: true, message: 'must be a date-time with an offset, e.g. 2026-12-08T10:00:00+08:00' });

export const PostBody = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(10_000).default(''),
  channel: z.enum(PUBLICATION_CHANNELS),
  use: z.enum(CONSENT_USES),
  market: z.enum(MARKETS).optional(),
  scheduledFor: When.nullable().default(null),
  status: z.enum(POST_STATUSES).default('draft'),
  ownerUserId: z.uuid().nullable().optional(),
  storyIds: z.array(z.uuid()).max(50).default([]),
});
export const PostPatch = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  body: z.string().max(10_000).optional(),
  channel: z.enum(PUBLICATION_CHANNELS).optional(),
  use: z.enum(CONSENT_USES).optional(),
  market: z.enum(MARKETS).optional(),
  scheduledFor: When.nullable().optional(),
  status: z.enum(POST_STATUSES).optional(),
  ownerUserId: z.uuid().nullable().optional(),
  storyIds: z.array(z.uuid()).max(50).optional(),
});

export const PostView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  channel: z.enum(PUBLICATION_CHANNELS),
  use: z.enum(CONSENT_USES),
  market: z.enum(MARKETS),
  scheduledFor: z.date().nullable(),
  status: z.enum(POST_STATUSES),
  ownerUserId: z.string().nullable(),
  ownerName: z.string().nullable(),
  stories: z.array(z.object({ id: z.string(), title: z.string(), status: z.enum(STORY_STATUSES) })),
  flags: z.array(z.object({ storyId: z.string(), storyTitle: z.string(), reason: z.enum(USE_FLAG_REASONS), at: z.date(), takenDownAt: z.date().nullable() })),
  createdAt: z.date(),
  updatedAt: z.date(),
  publishedAt: z.date().nullable(),
});

/** The calendar's window [from, to) as date-times (the reader's month); undated posts (ideas) come with any window. */
export const PostListQuery = z.object({ from: When.optional(), to: When.optional() });

export const StoryOptionView = z.object({
  id: z.string(),
  title: z.string(),
  authorName: z.string(),
  status: z.enum(STORY_STATUSES),
  locale: z.enum(LOCALES),
  body: z.string(),
  consents: z.array(z.object({ use: z.enum(CONSENT_USES), channels: z.array(z.string()), validFrom: z.string(), validUntil: z.string().nullable(), revoked: z.boolean() })),
});
