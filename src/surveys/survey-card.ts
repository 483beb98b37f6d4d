import { readFile } from 'node:fs/promises';
import { bundledFontFiles } from '../core/fonts.ts';
import { qrPng } from '../core/qr.ts';
import type { Locale } from '../core/i18n.ts';
import { surveysMessages } from './surveys.messages.ts';

/**
 * The printable artefact of a survey link: an A6 card (105 × 148 mm)
 * as PDF with the clinic's name, what the link is for, a short invitation in the link's language,
 * the QR code and the address written out. The card embeds Noto Sans SC (Latin, Cyrillic, Chinese)
 * so every language prints. pdfkit loads here, where it is used.
 */

/** A6 in PDF points (1 pt = 1/72 in): 105 × 148 mm. */
export const A6_POINTS: [number, number] = [297.64, 419.53];

let fontBytes: Promise<Buffer> | null = null;
function notoSans(): Promise<Buffer> {
  fontBytes ??= readFile(bundledFontFiles().regular);
  return fontBytes;
}

export interface CardInput {
  url: string;
  orgName: string;
  /** What the link is for: a location, department or doctor ('' for the whole clinic). */
  label: string;
  locale: Locale;
}

/** The A6 card as a PDF, one page. */
/** fontkit's feature overrides (an object turns features off; pdfkit's types only know the list form). */
const NO_LIGATURES = { liga: false, clig: false, dlig: false } as unknown as PDFKit.Mixins.OpenTypeFeatures[];

export async function cardPdf(card: CardInput): Promise<Buffer> {
  const [{ default: PDFDocument }, font, png] = await Promise.all([import('pdfkit'), notoSans(), qrPng(card.url, { width: 720 })]);
  const doc = new PDFDocument({ size: A6_POINTS, margin: 0, info: { Title: `${card.orgName} — ${surveysMessages.render(card.locale, 'card.invite')}`, Author: 'Verity' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('noto', font);
  doc.font('noto');
  const [w] = A6_POINTS;
  const margin = 22;
  const inner = w - 2 * margin;
  doc.fillColor('#1f2937').fontSize(15).text(card.orgName, margin, 22, { width: inner, align: 'center' });
  const label = card.label || surveysMessages.render(card.locale, 'scope.organisation');
  doc
    .fillColor('#4b5563')
    .fontSize(10)
    .text(label, margin, doc.y + 2, { width: inner, align: 'center' });
  doc
    .fillColor('#111827')
    .fontSize(13)
    .text(surveysMessages.render(card.locale, 'card.invite'), margin, doc.y + 8, { width: inner, align: 'center' });
  const qrSize = 170;
  const qrTop = doc.y + 8;
  doc.image(png, (w - qrSize) / 2, qrTop, { width: qrSize, height: qrSize });
  doc
    .fillColor('#374151')
    .fontSize(8)
    .text(surveysMessages.render(card.locale, 'card.instructions'), margin, qrTop + qrSize + 8, { width: inner, align: 'center' });
  doc
    .fillColor('#6b7280')
    .fontSize(7)
    .text(surveysMessages.render(card.locale, 'card.orOpen'), margin, doc.y + 6, { width: inner, align: 'center' });
  doc
    .fillColor('#111827')
    .fontSize(7.5)
    // No ligatures in the address: "fi" set as one glyph leaves the "i" unmapped, and a copied URL must read back exactly.
    .text(card.url, margin, doc.y + 1, { width: inner, align: 'center', features: NO_LIGATURES });
  doc.end();
  return done;
}
