/**
 * The vocabulary of share tracking: short links for any content, the channel each was shared on,
 * and what a click led to. Pure (no zod, no database, no Node APIs): the web imports it too.
 */

/** What a short link points at. */
export const SHARE_TARGET_KINDS = ['story', 'article', 'survey', 'referral'] as const;
export type ShareTargetKind = (typeof SHARE_TARGET_KINDS)[number];

/** Where a link was shared (its channel tag). */
export const SHARE_CHANNELS = ['wechat', 'weibo', 'xiaohongshu', 'douyin', 'vk', 'telegram', 'whatsapp', 'facebook', 'instagram', 'x', 'email', 'sms', 'qr', 'website', 'print', 'other'] as const;
export type ShareChannel = (typeof SHARE_CHANNELS)[number];

/** What a visitor who came by a link went on to do. */
export const CONVERSION_KINDS = ['booked', 'visited', 'survey_submitted', 'joined'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

/** The alphabet of link codes: no 0/O, 1/I/L, so a code read aloud or typed from a poster is unambiguous. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 8;

/** The deepest chain the propagation view walks (a share of a share of a share…). */
export const MAX_CHAIN_DEPTH = 12;

/** The cookie `/l/<code>` (a share link) and `/r/<code>` (a referral link) set to the code of the link a visitor arrived by (httpOnly, SameSite=Lax, 30 days). */
export const ARRIVAL_COOKIE_NAME = 'verity_via';

/** The page where a visitor who arrived by a link gets their own link to pass on (a child of it): story and referral pages link here with the cookie's code. */
export const reshareUrl = (code: string) => `/l/${encodeURIComponent(code)}/share`;
