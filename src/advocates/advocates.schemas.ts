import { z } from 'zod';
import { LOCALES } from '../core/i18n.ts';
import { SHARE_TARGET_KINDS, SHARE_CHANNELS } from '../sharing/sharing.vocab.ts';
import { ADVOCATE_INVITE_CHANNELS, ADVOCATE_INVITE_STATUSES, ADVOCATE_KINDS, KOC_SIGNALS, type KocSignal } from './advocates.vocab.ts';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date is YYYY-MM-DD');
const page = z.coerce.number().int().min(1).max(10_000).default(1);

export const PeriodQuery = z.object({ from: day.optional(), to: day.optional() });
export const ListQuery = PeriodQuery.extend({ kind: z.enum(ADVOCATE_KINDS).optional(), page });
export const AuthorQuery = PeriodQuery.extend({ key: z.string().min(3).max(400) });

const bySignal = z.object(Object.fromEntries(KOC_SIGNALS.map((s) => [s, z.number()])) as Record<KocSignal, z.ZodNumber>);

const InvitationSummary = z.object({ id: z.string(), status: z.enum(ADVOCATE_INVITE_STATUSES), channel: z.enum(ADVOCATE_INVITE_CHANNELS), invitedAt: z.date() });

export const AdvocateRow = z.object({
  kind: z.enum(ADVOCATE_KINDS),
  /** The patient's id, or the author's key `<platform>:<handle>`. */
  id: z.string(),
  name: z.string(),
  platform: z.string().nullable(),
  score: z.number(),
  /** Each part's points (weight × log2(1 + count); promoter: the weight). */
  parts: bySignal,
  /** The counts behind each part. */
  counts: bySignal,
  promoter: z.boolean(),
  latestNps: z.number().nullable(),
  invitation: InvitationSummary.nullable(),
});

export const ListView = z.object({
  items: z.array(AdvocateRow),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  period: z.object({ from: z.string(), to: z.string() }),
  weights: bySignal,
});

export const DetailView = z.object({
  advocate: AdvocateRow,
  /** Whether a message can reach the patient (never the address itself). */
  contact: z.object({ hasEmail: z.boolean(), hasPhone: z.boolean(), optedOut: z.boolean() }).nullable(),
  referrals: z.array(z.object({ id: z.string(), programmeId: z.string(), programmeName: z.string(), status: z.string(), createdAt: z.date(), visitedAt: z.date().nullable() })),
  links: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      targetKind: z.enum(SHARE_TARGET_KINDS),
      channel: z.enum(SHARE_CHANNELS).nullable(),
      label: z.string(),
      createdAt: z.date(),
      disabledAt: z.date().nullable(),
      reach: z.number(),
    }),
  ),
  promoterResponse: z.object({ id: z.string(), nps: z.number(), submittedAt: z.date() }).nullable(),
  mentions: z.array(z.object({ id: z.string(), excerpt: z.string(), url: z.string().nullable(), sourceName: z.string(), at: z.date(), engagement: z.number().nullable() })),
});

export const InviteBody = z
  .object({
    kind: z.enum(ADVOCATE_KINDS),
    patientId: z.uuid({ message: 'patientId must be a UUID' }).optional(),
    authorKey: z.string().min(3).max(400).optional(),
    channel: z.enum(ADVOCATE_INVITE_CHANNELS),
    note: z.string().max(2000).optional(),
    locale: z.enum(LOCALES).optional(),
  })
  .strict();

export const InviteView = z.object({ invitation: z.object({ id: z.string(), url: z.string() }) });

export const InvitationsQuery = z.object({ status: z.enum(ADVOCATE_INVITE_STATUSES).optional(), page });

export const InvitationsView = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(ADVOCATE_KINDS),
      patientId: z.string().nullable(),
      authorKey: z.string().nullable(),
      patientName: z.string().nullable(),
      status: z.enum(ADVOCATE_INVITE_STATUSES),
      channel: z.enum(ADVOCATE_INVITE_CHANNELS),
      locale: z.enum(LOCALES).nullable(),
      note: z.string(),
      consentVersion: z.string().nullable(),
      invitedAt: z.date(),
      expiresAt: z.date(),
      respondedAt: z.date().nullable(),
      invitedBy: z.string().nullable(),
      referralCode: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
