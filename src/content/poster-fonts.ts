import { readFile } from 'node:fs/promises';
import { BUNDLED_FONT_FAMILY, bundledFontFiles } from '../core/fonts.ts';
import type { Measure } from './typeset.ts';

/*
 * Posters are set in the bundled typeface (src/core/fonts.ts), so a poster never depends on the
 * system's fonts. The same files rasterise the PNG (resvg), embed in the PDF (pdfkit) and measure the lines (pdfkit's
 * font metrics), so both files break the same lines. pdfkit loads here, where it is used.
 */

export const POSTER_FONT_FAMILY = BUNDLED_FONT_FAMILY;

export interface PosterFonts {
  files: { regular: string; bold: string };
  regular: Buffer;
  bold: Buffer;
  measure: Measure;
}

let loading: Promise<PosterFonts> | null = null;

/** The font files, their bytes and a measure of text in them (loaded once). */
export function posterFonts(): Promise<PosterFonts> {
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function load(): Promise<PosterFonts> {
  const files = bundledFontFiles();
  const [{ default: PDFDocument }, regular, bold] = await Promise.all([import('pdfkit'), readFile(files.regular), readFile(files.bold)]);
  const doc = new PDFDocument({ autoFirstPage: false });
  doc.registerFont('r', regular);
  doc.registerFont('b', bold);
  const measure: Measure = (text, size, isBold) =>
    doc
      .font(isBold ? 'b' : 'r')
      .fontSize(size)
      .widthOfString(text);
  return { files, regular, bold, measure };
}
