/**
 * The vocabulary of replies: their kinds and statuses, the languages brand-voice rules are kept
 * in, and the codes of the checks' findings. Pure (no zod, no database): the web imports it too.
 */

/** A public reply is posted where the mention was; a private one goes to the author directly. */
export const REPLY_KINDS = ['public', 'private'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/** draft → approved (checks pass, someone who may publish approves) → posted (marked with its link). */
export const REPLY_STATUSES = ['draft', 'approved', 'posted'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** The languages a brand voice lists required phrases for (mention languages, not UI languages). */
export const BRAND_VOICE_LANGS = ['zh', 'ru', 'en'] as const;
export type BrandVoiceLang = (typeof BRAND_VOICE_LANGS)[number];

/** The two checks every draft passes before approval. */
export const REPLY_CHECKS = ['privacy', 'brandVoice'] as const;
export type ReplyCheck = (typeof REPLY_CHECKS)[number];

/** Why the privacy check flags words; each has a sentence in replies.messages.ts (`finding.<code>`). */
export const PRIVACY_FINDINGS = ['confirms_patient', 'health_detail', 'date', 'staff_name', 'records', 'staff_only'] as const;
export type PrivacyFinding = (typeof PRIVACY_FINDINGS)[number];

/** Why the brand-voice check flags words (`too_long` has the parameter `max`). */
export const BRAND_VOICE_FINDINGS = ['required_phrase', 'banned_word', 'exclamation', 'too_long'] as const;
export type BrandVoiceFinding = (typeof BRAND_VOICE_FINDINGS)[number];

export type FindingCode = PrivacyFinding | BrandVoiceFinding;

export const FINDING_CODES = [...PRIVACY_FINDINGS, ...BRAND_VOICE_FINDINGS] as const;
