import { z } from 'zod';
import { TIERS } from '../cases/cases.vocab.ts';
import { EDITABLE_STATUSES, FINDING_CODES, REPLY_KINDS, REPLY_STATUSES, type BrandVoiceLang } from './replies.vocab.ts';

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
  createdByName: z.string().nullable(),
  /** Who last edited the draft (four-eyes counts them as an author too), and when. */
  editedBy: z.string().nullable(),
  editedAt: z.date().nullable(),
  approvedBy: z.string().nullable(),
  approvedByName: z.string().nullable(),
  postedUrl: z.string().nullable(),
  createdAt: z.date(),
});
export type ReplyViewType = z.infer<typeof ReplyView>;

/** A safe rewrite of a draft with findings: the draft without its flagged sentences, or a template; it passes both checks. */
export const SuggestionView = z.object({
  source: z.enum(['masked', 'template']),
  text: z.string(),
  templateId: z.string().optional(),
  templateName: z.string().optional(),
});
/** The case's number, tier, patient and aspects fill the templates of the suggestions. */
export const CheckBody = z.object({ text: z.string().max(20_000), lang: LANG, caseId: z.uuid().optional() });
export const CheckResultView = z.object({ privacy: CheckView, brandVoice: CheckView, suggestions: z.array(SuggestionView) });
const REPLY_TEXT = z.string().trim().min(1, 'text is empty').max(20_000);
export const CreateReplyBody = z.object({
  text: REPLY_TEXT,
  lang: LANG,
  kind: z.enum(REPLY_KINDS),
  templateId: z.uuid().optional(),
  /** `ready` submits an outward reply for approval (refused while a check finds something); a draft by default. */
  status: z.enum(EDITABLE_STATUSES).optional(),
});
export type CreateReplyBodyType = z.infer<typeof CreateReplyBody>;
/** An edit of a reply that is not posted yet; the checks run again. Without a status it is saved as a draft (an approved reply goes back to draft). */
export const EditReplyBody = z
  .object({ text: REPLY_TEXT.optional(), lang: LANG.optional(), kind: z.enum(REPLY_KINDS).optional(), status: z.enum(EDITABLE_STATUSES).optional() })
  .refine((b) => Object.keys(b).length > 0, 'name at least one of text, lang, kind, status');
export type EditReplyBodyType = z.infer<typeof EditReplyBody>;
export const ReplySettingsSchema = z.object({ fourEyes: z.boolean() });
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
