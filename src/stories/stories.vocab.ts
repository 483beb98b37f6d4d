/**
 * The vocabulary of patient stories: how a story came in, the uses a patient consents to (each per
 * channel and for a time, revocable), where a story is used (so a revocation can flag every use)
 * and the material connections that must be disclosed. Pure: the web imports it too.
 */

export const STORY_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** Written by the patient on the portal, or recorded by staff on the patient's behalf. */
export const STORY_SOURCES = ['portal', 'staff'] as const;
export type StorySource = (typeof STORY_SOURCES)[number];

/** The uses a consent covers; each is consented to separately. */
export const CONSENT_USES = ['internal', 'website', 'social', 'advertising'] as const;
export type ConsentUse = (typeof CONSENT_USES)[number];

/** Where a story may appear: a consent names the channels it covers, a post or poster the one it uses. */
export const PUBLICATION_CHANNELS = [
  'internal',
  'website',
  'wechat',
  'weibo',
  'xiaohongshu',
  'douyin',
  'vk',
  'telegram',
  'facebook',
  'instagram',
  'youtube',
  'x',
  'print',
  'outdoor',
  'online_ads',
  'video',
] as const;
export type PublicationChannel = (typeof PUBLICATION_CHANNELS)[number];

/** How a consent was given (and, for revocations, withdrawn). */
export const CONSENT_VIAS = ['portal', 'staff_on_behalf', 'paper'] as const;
export type ConsentVia = (typeof CONSENT_VIAS)[number];

/** The places a story is used, each recorded so that a revocation can flag it for takedown. */
export const STORY_USE_KINDS = ['post', 'poster', 'share_link', 'website'] as const;
export type StoryUseKind = (typeof STORY_USE_KINDS)[number];

/** Why a use was flagged for takedown. */
export const USE_FLAG_REASONS = ['consent_revoked', 'consent_expired', 'story_withdrawn'] as const;
export type UseFlagReason = (typeof USE_FLAG_REASONS)[number];

/** A connection between the patient and the clinic that endorsement rules (FTC 16 CFR 255) require to be disclosed. */
export const MATERIAL_CONNECTIONS = ['none', 'employee', 'family_of_staff', 'free_or_discounted_care', 'reward', 'other'] as const;
export type MaterialConnection = (typeof MATERIAL_CONNECTIONS)[number];

/** The channels each use covers when a patient ticks it on the story form (staff may narrow them). */
export const USE_CHANNELS: Record<ConsentUse, readonly PublicationChannel[]> = {
  internal: ['internal'],
  website: ['website'],
  social: ['wechat', 'weibo', 'xiaohongshu', 'douyin', 'vk', 'telegram', 'facebook', 'instagram', 'youtube', 'x', 'video'],
  advertising: ['print', 'outdoor', 'online_ads', 'video'],
};

/** How long a consent lasts: a year, two years, or until the patient revokes it. */
export const CONSENT_DURATIONS = ['1y', '2y', 'until_revoked'] as const;
export type ConsentDuration = (typeof CONSENT_DURATIONS)[number];

/** The last day a consent starting on `from` (YYYY-MM-DD) is valid, or null for "until I revoke". */
export function consentValidUntil(from: string, duration: ConsentDuration): string | null {
  if (duration === 'until_revoked') return null;
  const years = duration === '1y' ? 1 : 2;
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** A consent's state on a day: live, live but ending within EXPIRING_DAYS, not yet started, expired or revoked. */
export const CONSENT_STATES = ['live', 'expiring', 'pending', 'expired', 'revoked'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const EXPIRING_DAYS = 30;

export function consentState(c: { validFrom: string; validUntil: string | null; revoked: boolean }, day: string): ConsentState {
  if (c.revoked) return 'revoked';
  if (c.validFrom > day) return 'pending';
  if (c.validUntil !== null && c.validUntil < day) return 'expired';
  if (c.validUntil !== null) {
    const soon = new Date(`${day}T00:00:00Z`);
    soon.setUTCDate(soon.getUTCDate() + EXPIRING_DAYS);
    if (c.validUntil <= soon.toISOString().slice(0, 10)) return 'expiring';
  }
  return 'live';
}

/** Limits of the story form. */
export const STORY_TITLE_MAX = 200;
export const STORY_BODY_MAX = 8000;
export const STORY_BODY_MIN = 20;
export const STORY_PHOTO_MAX_BYTES = 8 * 1024 * 1024;
