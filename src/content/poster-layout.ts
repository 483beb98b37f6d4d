import { POSTER_PIXELS, type PosterSize, type PosterTemplate } from './content.vocab.ts';
import { fitText, wrapText, type Measure } from './typeset.ts';

/*
 * A poster as shapes in its pixel grid (POSTER_PIXELS): the clinic's band and logo at the top, a
 * quote mark in the accent colour, the quote set as large as it fits, the attribution, the QR code
 * of its share link, the warnings the law requires and the tagline and website in the footer. The
 * PNG (an SVG rasterised by resvg) and the PDF (pdfkit) draw the same shapes, so both show the
 * same lines. Pure: the fonts' measure comes in.
 */

export type Shape =
  | { kind: 'rect'; x: number; y: number; w: number; h: number; fill: string; r?: number; stroke?: string }
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean; fill: string; anchor: 'start' | 'middle' | 'end' }
  | { kind: 'image'; x: number; y: number; w: number; h: number; png: Buffer };

export interface PosterBrand {
  orgName: string;
  primaryColor: string;
  accentColor: string;
  tagline: string;
  website: string;
  /** The logo as PNG (an uploaded SVG or JPEG is stored as PNG), with its pixel size. */
  logo: { png: Buffer; width: number; height: number } | null;
}

export interface PosterInput {
  quote: string;
  attribution: string;
  size: PosterSize;
  template: PosterTemplate;
  brand: PosterBrand;
  /** Warnings the law requires printed on this use (already in the poster's language). */
  notices: string[];
  /** A notice that must take at least 5 % of the poster's area (Russia's contraindications warning, 38-FZ art. 24 part 7). */
  largeNotice: boolean;
  /** The QR code of the poster's share link and the words under it; 'placeholder' in a preview (no link exists yet). */
  qr: { png: Buffer; caption: string } | { placeholder: string } | null;
}

export interface PosterLayout {
  width: number;
  height: number;
  background: string;
  shapes: Shape[];
  /** The quote's font size after fitting (smaller for a long quote). */
  quoteSize: number;
  quoteLines: string[];
}

const INK = '#1f2937';
const MUTED = '#4b5563';

/** Lays out a poster. */
export function layoutPoster(input: PosterInput, measure: Measure): PosterLayout {
  const { width: W, height: H } = POSTER_PIXELS[input.size];
  const unit = Math.min(W, H);
  const m = Math.round(W * 0.08);
  const inner = W - 2 * m;
  const { brand } = input;
  const warm = input.template === 'warm';
  const shapes: Shape[] = [];
  const background = warm ? '#fff8ef' : '#ffffff';

  // Bands: warm has a primary band on top and a primary footer; clean a thin accent stripe and a white footer.
  const topBand = warm ? Math.round(H * 0.03) : 0;
  const footerH = Math.round(unit * 0.11);
  if (warm) shapes.push({ kind: 'rect', x: 0, y: 0, w: W, h: topBand, fill: brand.primaryColor });
  else shapes.push({ kind: 'rect', x: 0, y: 0, w: Math.round(W * 0.022), h: H, fill: brand.accentColor });
  shapes.push({ kind: 'rect', x: 0, y: H - footerH, w: W, h: footerH, fill: warm ? brand.primaryColor : '#f3f4f6' });

  // Header: the logo and the clinic's name.
  let y = topBand + Math.round(unit * 0.06);
  const logoH = Math.round(unit * 0.09);
  let nameX = m;
  if (brand.logo) {
    const logoW = Math.min(Math.round((logoH * brand.logo.width) / Math.max(1, brand.logo.height)), Math.round(inner * 0.4));
    shapes.push({ kind: 'image', x: m, y, w: logoW, h: logoH, png: brand.logo.png });
    nameX = m + logoW + Math.round(unit * 0.025);
  }
  const nameSize = Math.round(unit * 0.036);
  const name = wrapText(brand.orgName, W - m - nameX, nameSize, true, measure)[0] ?? '';
  shapes.push({ kind: 'text', x: nameX, y: y + Math.round(logoH / 2 + nameSize * 0.35), text: name, size: nameSize, bold: true, fill: warm ? brand.primaryColor : INK, anchor: 'start' });
  y += logoH + Math.round(unit * 0.025);

  // From the bottom up: footer, notices, QR row with the attribution.
  let bottom = H - footerH - Math.round(unit * 0.04);
  const noticeSize = Math.round(unit * 0.024);
  if (input.notices.length) {
    const lines = input.notices.flatMap((n) => wrapText(n, inner - 2 * noticeSize, input.largeNotice ? Math.round(noticeSize * 1.4) : noticeSize, input.largeNotice, measure));
    const size = input.largeNotice ? Math.round(noticeSize * 1.4) : noticeSize;
    const lh = Math.round(size * 1.4);
    let boxH = lines.length * lh + 2 * noticeSize;
    // 38-FZ art. 24 part 7: the warning takes at least 5 % of the area.
    if (input.largeNotice) boxH = Math.max(boxH, Math.ceil((0.05 * W * H) / inner) + 2);
    const top = bottom - boxH;
    shapes.push({ kind: 'rect', x: m, y: top, w: inner, h: boxH, fill: '#ffffff', stroke: INK, r: 6 });
    const textTop = top + (boxH - lines.length * lh) / 2;
    lines.forEach((line, i) => shapes.push({ kind: 'text', x: m + noticeSize, y: Math.round(textTop + i * lh + size * 1.0), text: line, size, bold: input.largeNotice, fill: INK, anchor: 'start' }));
    bottom = top - Math.round(unit * 0.03);
  }

  const qrSize = Math.round(unit * 0.19);
  const attrSize = Math.round(unit * 0.034);
  const rowH = input.qr ? qrSize + Math.round(unit * 0.04) : attrSize * 2;
  const rowTop = bottom - rowH;
  if (input.qr) {
    const qx = W - m - qrSize;
    if ('png' in input.qr) shapes.push({ kind: 'image', x: qx, y: rowTop, w: qrSize, h: qrSize, png: input.qr.png });
    else {
      shapes.push({ kind: 'rect', x: qx, y: rowTop, w: qrSize, h: qrSize, fill: '#e5e7eb', r: 8 });
      shapes.push({ kind: 'text', x: qx + qrSize / 2, y: rowTop + qrSize / 2 + attrSize * 0.35, text: 'QR', size: attrSize, bold: true, fill: MUTED, anchor: 'middle' });
    }
    const caption = 'png' in input.qr ? input.qr.caption : input.qr.placeholder;
    shapes.push({ kind: 'text', x: qx + qrSize / 2, y: rowTop + qrSize + Math.round(unit * 0.03), text: caption, size: Math.round(unit * 0.02), bold: false, fill: MUTED, anchor: 'middle' });
  }
  const attrWidth = input.qr ? inner - qrSize - Math.round(unit * 0.04) : inner;
  const attrLines = input.attribution.trim() ? wrapText(input.attribution.trim(), attrWidth, attrSize, false, measure).slice(0, 2) : [];
  shapes.push({ kind: 'rect', x: m, y: rowTop, w: Math.round(unit * 0.08), h: Math.max(4, Math.round(unit * 0.006)), fill: brand.accentColor });
  attrLines.forEach((line, i) =>
    shapes.push({ kind: 'text', x: m, y: rowTop + Math.round(unit * 0.06) + i * Math.round(attrSize * 1.4), text: line, size: attrSize, bold: false, fill: MUTED, anchor: 'start' }),
  );

  // The quote mark and the quote, as large as it fits between the header and the attribution.
  // Noto Sans SC's “ is a full-width glyph drawn at the right of its box: pull it back to the margin.
  const markSize = Math.round(unit * 0.16);
  shapes.push({ kind: 'text', x: m - Math.round(markSize * 0.42), y: y + Math.round(markSize * 0.8), text: '“', size: markSize, bold: true, fill: brand.accentColor, anchor: 'start' });
  const quoteTop = y + Math.round(markSize * 0.55);
  const box = { width: inner, height: rowTop - Math.round(unit * 0.05) - quoteTop };
  const fitted = fitText(input.quote.trim(), box, { max: Math.round(unit * 0.068), min: Math.round(unit * 0.028) }, true, measure);
  const blockH = fitted.lines.length * fitted.lineHeight;
  const start = quoteTop + Math.max(0, Math.round((box.height - blockH) / 3));
  fitted.lines.forEach((line, i) =>
    shapes.push({
      kind: 'text',
      x: m,
      y: Math.round(start + i * fitted.lineHeight + fitted.size * 1.05),
      text: line,
      size: fitted.size,
      bold: true,
      fill: warm ? INK : brand.primaryColor,
      anchor: 'start',
    }),
  );

  // Footer: the tagline and the website.
  const footSize = Math.round(unit * 0.03);
  const footInk = warm ? '#ffffff' : INK;
  const footY = H - footerH / 2 + footSize * 0.35;
  const site = brand.website.replace(/^https?:\/\//u, '').replace(/\/$/u, '');
  const siteW = site ? measure(site, footSize * 0.85, false) : 0;
  if (brand.tagline) {
    const tag = wrapText(brand.tagline, inner - siteW - unit * 0.04, footSize, true, measure)[0] ?? '';
    shapes.push({ kind: 'text', x: m, y: Math.round(footY), text: tag, size: footSize, bold: true, fill: footInk, anchor: 'start' });
  }
  if (site) shapes.push({ kind: 'text', x: W - m, y: Math.round(footY), text: site, size: Math.round(footSize * 0.85), bold: false, fill: footInk, anchor: 'end' });

  return { width: W, height: H, background, shapes, quoteSize: fitted.size, quoteLines: fitted.lines };
}
