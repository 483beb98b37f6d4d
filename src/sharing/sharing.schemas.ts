import { z } from 'zod';
import { CONVERSION_KINDS, SHARE_CHANNELS, SHARE_TARGET_KINDS } from './sharing.vocab.ts';

const Conversions = z.object(Object.fromEntries(CONVERSION_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof CONVERSION_KINDS)[number], z.ZodNumber>);

/** A share link with its figures (visitors are day-salted hashes; bots are counted apart and in no other figure). */
export const ShareLinkView = z.object({
  id: z.uuid(),
  code: z.string(),
  /** The address to hand out: <public URL>/l/<code>. */
  url: z.string(),
  targetKind: z.enum(SHARE_TARGET_KINDS),
  targetId: z.uuid().nullable(),
  targetUrl: z.string().nullable(),
  /** The story's title, the programme's or survey's name; null for an article. */
  targetName: z.string().nullable(),
  channel: z.enum(SHARE_CHANNELS).nullable(),
  label: z.string(),
  /** Made by a patient (a re-share or their referral link); who is never shown here. */
  byPatient: z.boolean(),
  ownerUserName: z.string().nullable(),
  parentId: z.uuid().nullable(),
  originId: z.uuid(),
  depth: z.number().int(),
  disabledAt: z.date().nullable(),
  createdAt: z.date(),
  clicks: z.number().int(),
  visitors: z.number().int(),
  botClicks: z.number().int(),
  conversions: Conversions,
  reach: z.number().int(),
  children: z.number().int(),
});

export const ShareLinkListQuery = z.object({
  targetKind: z.enum(SHARE_TARGET_KINDS).optional(),
  channel: z.enum(SHARE_CHANNELS).optional(),
  disabled: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

export const ShareLinkList = z.object({ items: z.array(ShareLinkView), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const CreateShareLinkBody = z.object({
  targetKind: z.enum(SHARE_TARGET_KINDS),
  /** The story, survey link or referral programme. */
  targetId: z.string().trim().max(100).nullable().optional(),
  /** An article's http(s) address. */
  targetUrl: z.string().trim().max(2000).nullable().optional(),
  channel: z.enum(SHARE_CHANNELS).nullable().optional(),
  label: z.string().trim().max(200).optional(),
  /** The link this one continues (passing on a link someone else made). */
  parentId: z.uuid().nullable().optional(),
});

export const ShareLinkResponse = z.object({
  link: ShareLinkView,
  /** What the stories' check asks of whoever shares a story (a disclosure, a warning), in the reader's language. */
  warnings: z.array(z.object({ rule: z.string(), law: z.string(), text: z.string() })),
});

/** What a link can point at, for the make-a-link form. */
export const ShareTargets = z.object({
  stories: z.array(z.object({ id: z.uuid(), title: z.string(), status: z.string() })),
  surveyLinks: z.array(z.object({ id: z.uuid(), label: z.string(), surveyName: z.string() })),
  programmes: z.array(z.object({ id: z.uuid(), name: z.string(), status: z.string() })),
});

export const OriginView = z.object({
  id: z.uuid(),
  code: z.string(),
  label: z.string(),
  channel: z.enum(SHARE_CHANNELS).nullable(),
  targetKind: z.enum(SHARE_TARGET_KINDS),
  createdAt: z.date(),
  disabled: z.boolean(),
  links: z.number().int(),
  depth: z.number().int(),
  reach: z.number().int(),
  conversions: z.number().int(),
  direct: z.number().int(),
  referredNext: z.number().int(),
});

export const PropagationNodeView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(['link', 'patient']),
  code: z.string().nullable(),
  channel: z.enum(SHARE_CHANNELS).nullable(),
  label: z.string(),
  targetKind: z.enum(SHARE_TARGET_KINDS),
  depth: z.number().int(),
  byPatient: z.boolean(),
  clicks: z.number().int(),
  visitors: z.number().int(),
  botClicks: z.number().int(),
  reach: z.number().int(),
  direct: z.number().int(),
  via: z.number().int(),
  conversions: Conversions,
  sharedNext: z.number().int(),
});

export const PropagationQuery = z.object({ origin: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

export const PropagationResponse = z.object({
  origins: z.array(OriginView),
  /** The tree of `origin` (or of the widest-reaching origin when none is named); null when there is none. */
  tree: z.object({ origin: OriginView, nodes: z.array(PropagationNodeView) }).nullable(),
});
