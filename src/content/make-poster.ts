import { recordAudit, type AuditBy } from '../audit/index.ts';
import { qrPng } from '../core/qr.ts';
import { publicBaseUrl, type Config } from '../core/config.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Locale } from '../core/i18n.ts';
import type { Db } from '../db/database.ts';
import { getOutreachSettings } from '../outreach/index.ts';
import type { Market } from '../outreach/outreach.vocab.ts';
import { createShareLink } from '../sharing/index.ts';
import { SHARE_CHANNELS, type ShareChannel } from '../sharing/sharing.vocab.ts';
import { checkStoryUse, recordStoryUse, type UseFinding } from '../stories/index.ts';
import type { ConsentUse, MaterialConnection, PublicationChannel } from '../stories/stories.vocab.ts';
import { getBrand, getLogo } from './brand.ts';
import { contentMessages as m } from './content.messages.ts';
import type { PosterSize, PosterTemplate } from './content.vocab.ts';
import { pngSize } from './logo.ts';
import { posterFonts } from './poster-fonts.ts';
import { layoutPoster, type PosterInput, type PosterLayout } from './poster-layout.ts';
import { posterPdf, posterPng } from './poster-render.ts';
import { renderFindings, storyLabel, useRefusedError, type RenderedFinding } from './use-check.ts';

/** At most this many characters of quote and of attribution. */
export const MAX_QUOTE = 240;
export const MAX_ATTRIBUTION = 80;

export interface PosterRequest {
  storyId: string;
  quote: string;
  attribution: string;
  locale: Locale;
  size: PosterSize;
  template: PosterTemplate;
  use: ConsentUse;
  channel: PublicationChannel;
  /** Print a QR code of a new share link to the story. */
  qr: boolean;
  /** The market whose law applies (default: the organisation's, from the outreach settings). */
  market?: Market;
}

/** The warnings the law requires printed on the poster, in its language; findings without one are only shown to the user. */
export function printedNotices(findings: UseFinding[], connection: MaterialConnection, locale: Locale): { rules: string[]; texts: string[]; large: boolean } {
  const rules: string[] = [];
  const texts: string[] = [];
  for (const f of findings) {
    if (f.severity !== 'warn') continue;
    let text: string | null = null;
    if (f.rule === 'ru.contraindications') text = m.render(locale, 'notice.ru.contraindications');
    else if (f.rule === 'us.typical_results') text = m.render(locale, 'notice.us.typical_results');
    else if (f.rule.endsWith('.material_connection') && connection !== 'none') text = m.render(locale, `notice.connection.${connection}`);
    if (text && !texts.includes(text)) {
      rules.push(f.rule);
      texts.push(text);
    }
  }
  return { rules, texts, large: rules.includes('ru.contraindications') };
}

interface Prepared {
  story: { id: string; label: string };
  market: Market;
  warnings: RenderedFinding[];
  notices: { rules: string[]; texts: string[]; large: boolean };
}

/** Checks the text and the use (a blocked use is a 400 naming the rules) and works out the notices. */
async function prepare(db: Db, orgId: string, input: PosterRequest, readerLocale: Locale): Promise<Prepared> {
  const quote = input.quote.trim();
  if (!quote) throw badRequest(m.text('quoteEmpty'));
  if ([...quote].length > MAX_QUOTE) throw badRequest(m.text('quoteTooLong', { length: [...quote].length, max: MAX_QUOTE }));
  if ([...input.attribution.trim()].length > MAX_ATTRIBUTION) throw badRequest(m.text('attributionTooLong', { length: [...input.attribution.trim()].length, max: MAX_ATTRIBUTION }));
  const story = await db.selectFrom('stories').select(['id', 'title', 'author_name', 'body', 'material_connection']).where('org_id', '=', orgId).where('id', '=', input.storyId).executeTakeFirst();
  if (!story) throw notFound('story');
  const market = input.market ?? (await getOutreachSettings(db, orgId)).market;
  const check = await checkStoryUse(db, orgId, story.id, { use: input.use, channel: input.channel, at: new Date(), market });
  const label = storyLabel(story);
  if (!check.allowed) throw useRefusedError(readerLocale, [{ storyId: story.id, storyTitle: label, findings: renderFindings(readerLocale, check.findings) }], input.use, input.channel);
  return {
    story: { id: story.id, label },
    market,
    warnings: renderFindings(
      readerLocale,
      check.findings.filter((f) => f.severity === 'warn'),
    ),
    notices: printedNotices(check.findings, story.material_connection, input.locale),
  };
}

async function layout(db: Db, orgId: string, input: PosterRequest, notices: Prepared['notices'], qr: PosterInput['qr']): Promise<PosterLayout> {
  const [brand, logo, org, fonts] = await Promise.all([
    getBrand(db, orgId),
    getLogo(db, orgId),
    db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow(),
    posterFonts(),
  ]);
  return layoutPoster(
    {
      quote: input.quote.trim(),
      attribution: input.attribution.trim(),
      size: input.size,
      template: input.template,
      brand: {
        orgName: org.name,
        primaryColor: brand.primaryColor,
        accentColor: brand.accentColor,
        tagline: brand.tagline,
        website: brand.website,
        logo: logo ? { png: logo, ...pngSize(logo) } : null,
      },
      notices: notices.texts,
      largeNotice: notices.large,
      qr,
    },
    fonts.measure,
  );
}

/** A preview PNG (nothing recorded; a QR code is shown as its place). Refuses a blocked use like making it. */
export async function previewPoster(db: Db, orgId: string, input: PosterRequest, readerLocale: Locale): Promise<{ png: Buffer; warnings: RenderedFinding[] }> {
  const prepared = await prepare(db, orgId, input, readerLocale);
  const poster = await layout(db, orgId, input, prepared.notices, input.qr ? { placeholder: m.render(input.locale, 'qrPreview') } : null);
  return { png: await posterPng(poster), warnings: prepared.warnings };
}

/** Makes a poster: checks the use, makes its share link (if a QR is asked for), renders PNG and PDF, records the poster, the story's use and the audit entry. */
export async function makePoster(db: Db, config: Pick<Config, 'publicUrl' | 'port'>, by: AuditBy, input: PosterRequest, readerLocale: Locale): Promise<{ id: string; warnings: RenderedFinding[] }> {
  const prepared = await prepare(db, by.orgId, input, readerLocale);
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('posters')
      .values({
        org_id: by.orgId,
        story_id: input.storyId,
        quote: input.quote.trim(),
        attribution: input.attribution.trim(),
        locale: input.locale,
        size: input.size,
        template: input.template,
        use: input.use,
        channel: input.channel,
        created_by: by.userId,
        notices: prepared.notices.rules,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let qr: PosterInput['qr'] = null;
    let linkId: string | null = null;
    if (input.qr) {
      const channel: ShareChannel = (SHARE_CHANNELS as readonly string[]).includes(input.channel) ? (input.channel as ShareChannel) : 'print';
      const link = await createShareLink(trx, { orgId: by.orgId, targetKind: 'story', targetId: input.storyId, channel, label: prepared.story.label, ownerUserId: by.userId });
      linkId = link.id;
      qr = { png: await qrPng(`${publicBaseUrl(config)}/l/${link.code}`, { margin: 2 }), caption: m.render(input.locale, 'qrCaption') };
    }
    const poster = await layout(trx, by.orgId, input, prepared.notices, qr);
    const [png, pdf] = [await posterPng(poster), await posterPdf(poster, { title: prepared.story.label, a4: input.size === 'a4', lang: input.locale })];
    await trx.updateTable('posters').set({ png, pdf, share_link_id: linkId }).where('id', '=', row.id).execute();
    await recordStoryUse(trx, { orgId: by.orgId, storyId: input.storyId, kind: 'poster', refId: row.id, use: input.use, channel: input.channel, label: prepared.story.label, ownerUserId: by.userId });
    await recordAudit(trx, {
      ...by,
      action: 'poster.create',
      targetType: 'poster',
      targetId: row.id,
      details: { storyId: input.storyId, use: input.use, channel: input.channel, market: prepared.market, size: input.size, notices: prepared.notices.rules },
    });
    return row.id;
  });
  return { id, warnings: prepared.warnings };
}
