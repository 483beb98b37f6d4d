/**
 * The vocabulary of the content calendar and posters. Pure: the web imports it too. A post's channel
 * and use are the stories' (PUBLICATION_CHANNELS, CONSENT_USES), its market the outreach one.
 */

/** idea → draft → scheduled → published; cancelled; taken_down (a story's consent was revoked). */
export const POST_STATUSES = ['idea', 'draft', 'scheduled', 'published', 'cancelled', 'taken_down'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** A poster's format: A4 portrait (print), a square social image, a phone-screen story. */
export const POSTER_SIZES = ['a4', 'square', 'story'] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

/** A poster's look. */
export const POSTER_TEMPLATES = ['warm', 'clean'] as const;
export type PosterTemplate = (typeof POSTER_TEMPLATES)[number];

/** A poster's dimensions in CSS pixels (PNG) — the PDF uses the same layout scaled to its page. */
export const POSTER_PIXELS: Record<PosterSize, { width: number; height: number }> = {
  a4: { width: 1240, height: 1754 },
  square: { width: 1080, height: 1080 },
  story: { width: 1080, height: 1920 },
};

export const LOGO_MIMES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export type LogoMime = (typeof LOGO_MIMES)[number];
