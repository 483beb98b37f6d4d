import { z } from 'zod';
import { TIERS } from '../cases/cases.vocab.ts';
import { FINDING_CODES, REPLY_KINDS, REPLY_STATUSES, type BrandVoiceLang } from './replies.vocab.ts';

const FindingView = z.object({
  span: z.tuple([z.number(), z.number()]),
  term: z.string(),
  /** Why, in the reader's language. */
  reason: z.string(),
  /** The finding's code (absent only on a finding stored before codes whose reason is not a known one). */
  code: z.enum(FINDING_CODES).optional(),
  params: z.record(z.string(), z.string()).optional(),
});
export const CheckView = z.object({ ok: z.boolean(), findings: z.array(FindingView) });
export const LANG = z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'lang must be an ISO 639 code such as zh, ru or en');

export const ReplyView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(REPLY_KINDS),
  lang: z.string(),
  text: z.string(),
  status: z.enum(REPLY_STATUSES),
  privacy: CheckView,
  brandVoice: CheckView,
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  postedUrl: z.string().nullable(),
  createdAt: z.date(),
});
export type ReplyViewType = z.infer<typeof ReplyView>;

export const CheckBody = z.object({ text: z.string().max(20_000), lang: LANG });
export const CheckResultView = z.object({ privacy: CheckView, brandVoice: CheckView });
export const CreateReplyBody = z.object({
  text: z.string().trim().min(1, 'text is empty').max(20_000),
  lang: LANG,
  kind: z.enum(REPLY_KINDS),
  templateId: z.uuid().optional(),
});
export type CreateReplyBodyType = z.infer<typeof CreateReplyBody>;
export const PostedBody = z
  .object({
    url: z
      .url({ protocol: /^https?$/, message: 'url must be an http(s) link' })
      .max(2000)
      .optional(),
  })
  .optional();

export const TemplateView = z.object({ id: z.string(), name: z.string(), lang: z.string(), tier: z.enum(TIERS).nullable(), aspect: z.string().nullable(), text: z.string() });
export const TemplateFilters = z.object({ lang: LANG.optional(), tier: z.enum(TIERS).optional(), aspect: z.string().max(80).optional() });
export const CreateTemplateBody = z.object({
  name: z.string().trim().min(1).max(120),
  lang: LANG,
  tier: z.enum(TIERS).optional(),
  aspect: z.string().trim().min(1).max(80).optional(),
  text: z.string().trim().min(1).max(5000),
});

const phrases = z.array(z.string().trim().min(1).max(200)).max(50);
export const BrandVoiceSchema = z.object({
  requiredPhrases: z.object({ zh: phrases, ru: phrases, en: phrases } satisfies Record<BrandVoiceLang, typeof phrases>),
  bannedWords: z.array(z.string().trim().min(1).max(100)).max(500),
  maxLength: z.number().int().min(1).max(20_000).optional(),
  noExclamation: z.boolean().optional(),
});
