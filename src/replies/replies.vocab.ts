/**
 * The vocabulary of replies: their kinds and statuses, the languages brand-voice rules are kept
 * in, and the codes of the checks' findings. Pure (no zod, no database): the web imports it too.
 */

/**
 * A public reply is posted where the mention was; a private one goes to the author directly; an
 * internal note stays with the case (it is never published, so it needs no approval and the checks
 * only advise).
 */
export const REPLY_KINDS = ['public', 'private', 'internal'] as const;
export type ReplyKind = (typeof REPLY_KINDS)[number];

/**
 * draft (saved, checks may fail) → ready (submitted for approval: the checks pass) → approved (someone
 * who may publish approves, a second person for a public reply when four-eyes is on) → posted
 * (marked with its link). An internal note stays a draft.
 */
export const REPLY_STATUSES = ['draft', 'ready', 'approved', 'posted'] as const;
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** The statuses a person may save a reply in (create or edit); approval and posting have their own steps. */
export const EDITABLE_STATUSES = ['draft', 'ready'] as const satisfies readonly ReplyStatus[];
export type EditableStatus = (typeof EDITABLE_STATUSES)[number];

/** Whether a reply of this kind goes out to the public or the author, so its checks block it and someone approves it. */
export const isOutward = (kind: ReplyKind): boolean => kind !== 'internal';

/** Whether a reply may still be edited: until it is posted. */
export const isEditable = (status: ReplyStatus): boolean => status !== 'posted';

/** Whether a reply waits for approval: an outward draft or one submitted as ready. */
export const awaitsApproval = (r: { kind: ReplyKind; status: ReplyStatus }): boolean => isOutward(r.kind) && (r.status === 'draft' || r.status === 'ready');

/** Whether four-eyes keeps this person from approving: it is on, the reply is public, and they wrote or last edited it. */
export function fourEyesBlocks(r: { kind: ReplyKind; createdBy: string | null; editedBy: string | null }, approverId: string | null, fourEyes: boolean): boolean {
  if (!fourEyes || r.kind !== 'public' || approverId === null) return false;
  return r.createdBy === approverId || r.editedBy === approverId;
}

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
