import type { PosterLayout, Shape } from './poster-layout.ts';
import { POSTER_FONT_FAMILY, posterFonts } from './poster-fonts.ts';

/*
 * A laid-out poster as SVG (our own markup: every string escaped, images only as data: PNGs),
 * rasterised to PNG by resvg with the bundled font and no system fonts, and as a PDF drawn by
 * pdfkit from the same shapes with the same font embedded (A4 for a4; otherwise the image's size
 * at 96 dpi). resvg and pdfkit load here, where they are used.
 */

const escapeXml = (s: string) => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** The poster as an SVG document. */
export function posterSvg(layout: PosterLayout): string {
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect x="0" y="0" width="${layout.width}" height="${layout.height}" fill="${layout.background}"/>`,
  ];
  for (const s of layout.shapes) parts.push(shapeSvg(s));
  parts.push('</svg>');
  return parts.join('');
}

function shapeSvg(s: Shape): string {
  if (s.kind === 'rect') return `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="${s.r ?? 0}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}" stroke-width="2"` : ''}/>`;
  if (s.kind === 'image') return `<image x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" preserveAspectRatio="xMidYMid meet" href="data:image/png;base64,${s.png.toString('base64')}"/>`;
  return `<text x="${s.x}" y="${s.y}" font-family="${POSTER_FONT_FAMILY}" font-size="${s.size}" font-weight="${s.bold ? 700 : 400}" fill="${s.fill}" text-anchor="${s.anchor}" xml:space="preserve">${escapeXml(s.text)}</text>`;
}

/** Rasterises an SVG with the bundled fonts only (no system fonts, no files or URLs: images must be data: URIs). */
export async function rasterise(svg: string, fitWidth?: number): Promise<Buffer> {
  const [{ Resvg }, fonts] = await Promise.all([import('@resvg/resvg-js'), posterFonts()]);
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fonts.files.regular, fonts.files.bold], loadSystemFonts: false, defaultFontFamily: POSTER_FONT_FAMILY, sansSerifFamily: POSTER_FONT_FAMILY },
    ...(fitWidth ? { fitTo: { mode: 'width' as const, value: fitWidth } } : {}),
  });
  return Buffer.from(resvg.render().asPng());
}

/** The poster as PNG at its pixel size. */
export async function posterPng(layout: PosterLayout): Promise<Buffer> {
  return rasterise(posterSvg(layout));
}

const A4: [number, number] = [595.28, 841.89];

/** The poster as PDF, with its words as text (searchable, copyable) in the embedded font. */
export async function posterPdf(layout: PosterLayout, meta: { title: string; a4: boolean; lang: string }): Promise<Buffer> {
  const [{ default: PDFDocument }, fonts] = await Promise.all([import('pdfkit'), posterFonts()]);
  const scale = meta.a4 ? A4[0] / layout.width : 0.75;
  const page: [number, number] = meta.a4 ? A4 : [layout.width * scale, layout.height * scale];
  const doc = new PDFDocument({ size: page, margin: 0, info: { Title: meta.title, Author: 'Verity' }, lang: meta.lang });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('noto', fonts.regular);
  doc.registerFont('noto-bold', fonts.bold);
  doc.rect(0, 0, page[0], page[1]).fill(layout.background);
  for (const s of layout.shapes) {
    if (s.kind === 'rect') {
      const shape = s.r ? doc.roundedRect(s.x * scale, s.y * scale, s.w * scale, s.h * scale, s.r * scale) : doc.rect(s.x * scale, s.y * scale, s.w * scale, s.h * scale);
      if (s.stroke) shape.lineWidth(1.5 * scale).fillAndStroke(s.fill, s.stroke);
      else shape.fill(s.fill);
    } else if (s.kind === 'image') {
      doc.image(s.png, s.x * scale, s.y * scale, { fit: [s.w * scale, s.h * scale], align: 'center', valign: 'center' });
    } else {
      const size = s.size * scale;
      doc
        .font(s.bold ? 'noto-bold' : 'noto')
        .fontSize(size)
        .fillColor(s.fill);
      const w = doc.widthOfString(s.text);
      const x = s.anchor === 'start' ? s.x * scale : s.anchor === 'end' ? s.x * scale - w : s.x * scale - w / 2;
      doc.text(s.text, x, s.y * scale, { lineBreak: false, baseline: 'alphabetic' });
    }
  }
  doc.end();
  return done;
}
