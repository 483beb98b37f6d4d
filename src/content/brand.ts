import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import { badRequest } from '../core/errors.ts';
import type { Text } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { contentMessages as m } from './content.messages.ts';
import { prepareLogo } from './logo.ts';

/** The clinic's brand as posters use it. */
export interface Brand {
  primaryColor: string;
  accentColor: string;
  tagline: string;
  website: string;
  hasLogo: boolean;
  /** Contrast of white text on the primary colour (WCAG 2 ratio) and whether it reaches 4.5:1. */
  contrast: { ratio: number; ok: boolean };
  updatedAt: Date | null;
}

export interface BrandUpdate {
  primaryColor: string;
  accentColor: string;
  tagline: string;
  website: string;
  /** base64 of a PNG, JPEG or SVG; null removes the logo; absent keeps it. */
  logo?: string | null;
}

export const DEFAULT_PRIMARY = '#0f766e';
export const DEFAULT_ACCENT = '#f59e0b';
const COLOUR = /^#[0-9a-f]{6}$/iu;

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of white text on a colour, rounded to one decimal. */
export function contrastWithWhite(hex: string): number {
  return Math.floor((1.05 / (luminance(hex) + 0.05)) * 10) / 10;
}

const view = (row: { primary_color: string; accent_color: string; tagline: string; website: string; has_logo: boolean; updated_at: Date | null } | undefined): Brand => {
  const primaryColor = row?.primary_color ?? DEFAULT_PRIMARY;
  const ratio = contrastWithWhite(primaryColor);
  return {
    primaryColor,
    accentColor: row?.accent_color ?? DEFAULT_ACCENT,
    tagline: row?.tagline ?? '',
    website: row?.website ?? '',
    hasLogo: row?.has_logo ?? false,
    contrast: { ratio, ok: ratio >= 4.5 },
    updatedAt: row?.updated_at ?? null,
  };
};

/** The organisation's brand (the defaults when none is stored). */
export async function getBrand(db: Db, orgId: string): Promise<Brand> {
  const row = await db
    .selectFrom('brand_settings')
    .select(['primary_color', 'accent_color', 'tagline', 'website', 'updated_at'])
    .select(sql<boolean>`logo IS NOT NULL`.as('has_logo'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return view(row);
}

/** The stored logo (always PNG: an SVG or JPEG is rasterised or re-encoded on upload), or null. */
export async function getLogo(db: Db, orgId: string): Promise<Buffer | null> {
  const row = await db.selectFrom('brand_settings').select('logo').where('org_id', '=', orgId).executeTakeFirst();
  // PGlite answers bytea as a Uint8Array, PostgreSQL as a Buffer.
  return row?.logo ? Buffer.from(row.logo) : null;
}

/** Checks and saves the brand; white text on a primary colour under 3:1 is refused, under 4.5:1 saved with a warning. */
export async function updateBrand(db: Db, by: AuditBy, input: BrandUpdate): Promise<{ brand: Brand; warnings: Text[] }> {
  const warnings: Text[] = [];
  for (const [field, value] of [
    ['primaryColor', input.primaryColor],
    ['accentColor', input.accentColor],
  ] as const)
    if (!COLOUR.test(value)) throw badRequest(m.text('badColour', { field, value }));
  const primary = input.primaryColor.toLowerCase();
  const ratio = contrastWithWhite(primary);
  if (ratio < 3) throw badRequest(m.text('lowContrast', { colour: primary, ratio: ratio.toFixed(1) }));
  if (ratio < 4.5) warnings.push(m.text('weakContrast', { colour: primary, ratio: ratio.toFixed(1) }));
  const website = input.website.trim();
  if (website && !/^https?:\/\/[^\s/$.?#][^\s]*$/iu.test(website)) throw badRequest(m.text('badWebsite', { value: website }));
  const logo = input.logo === undefined ? undefined : input.logo === null ? null : await prepareLogo(input.logo);

  await db.transaction().execute(async (trx) => {
    const values = { primary_color: primary, accent_color: input.accentColor.toLowerCase(), tagline: input.tagline.trim(), website, updated_at: new Date() };
    const logoValues = logo === undefined ? {} : { logo: logo?.png ?? null, logo_mime: logo ? ('image/png' as const) : null };
    await trx
      .insertInto('brand_settings')
      .values({ org_id: by.orgId, ...values, ...logoValues })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ ...values, ...logoValues }))
      .execute();
    await recordAudit(trx, {
      ...by,
      action: 'brand.update',
      targetType: 'brand',
      targetId: by.orgId,
      details: {
        primaryColor: primary,
        accentColor: values.accent_color,
        tagline: values.tagline,
        website,
        logo: logo === undefined ? 'kept' : logo ? `${logo.source} ${logo.width}×${logo.height}` : 'removed',
      },
    });
  });
  return { brand: await getBrand(db, by.orgId), warnings };
}
