import { badRequest } from '../core/errors.ts';
import { contentMessages as m } from './content.messages.ts';
import { rasterise } from './poster-render.ts';

/*
 * A logo upload: the type is read from the bytes, never from a name or a header. PNG and JPEG are
 * decoded and re-encoded as PNG by sharp (dropping metadata); an SVG is refused if it carries
 * script, event handlers, entities or references outside itself, and is rasterised by resvg — so
 * the stored logo is always a plain PNG and no SVG of a user ever reaches a browser or a poster.
 * sharp loads here, where it is used.
 */

export const MAX_LOGO_BYTES = 512 * 1024;
const MAX_SIDE = 800;

export interface PreparedLogo {
  png: Buffer;
  width: number;
  height: number;
  source: 'png' | 'jpeg' | 'svg';
}

/** What the bytes are: PNG, JPEG, SVG (UTF-8 text whose first element is <svg>), or null. */
export function sniffImage(bytes: Buffer): 'png' | 'jpeg' | 'svg' | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/u, '');
  const rest = head
    .replace(/^\s*<\?xml[^>]*\?>/u, '')
    .replace(/^(\s*<!--[\s\S]*?-->)*/u, '')
    .trimStart();
  return /^<svg[\s>]/iu.test(rest) || /^<!DOCTYPE svg/iu.test(rest) ? 'svg' : null;
}

/** The first thing in an SVG that a logo may not carry, or null when it is clean. */
export function unsafeSvgPart(svg: string): string | null {
  if (/<script/iu.test(svg)) return '<script>';
  if (/<foreignObject/iu.test(svg)) return '<foreignObject>';
  if (/<!(DOCTYPE|ENTITY)/iu.test(svg)) return '<!DOCTYPE> / <!ENTITY>';
  const handler = /\son[a-z]+\s*=/iu.exec(svg);
  if (handler) return handler[0].trim();
  for (const match of svg.matchAll(/(?:xlink:)?href\s*=\s*["']\s*([^"']*)["']/giu)) {
    const target = match[1]!;
    if (!target.startsWith('#') && !/^data:image\/(png|jpeg);base64,/iu.test(target)) return `href="${target.slice(0, 40)}"`;
  }
  for (const match of svg.matchAll(/url\(\s*["']?([^)"']*)/giu)) if (!match[1]!.startsWith('#')) return `url(${match[1]!.slice(0, 40)})`;
  if (/@import/iu.test(svg)) return '@import';
  return null;
}

/** Checks, decodes and normalises an uploaded logo (base64) to a PNG of at most 800 px a side. */
export async function prepareLogo(base64: string): Promise<PreparedLogo> {
  const clean = base64.replace(/^data:[^,]*,/u, '').replace(/\s+/gu, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/u.test(clean)) throw badRequest(m.text('logoNotBase64'));
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length > MAX_LOGO_BYTES) throw badRequest(m.text('logoTooLarge', { size: Math.ceil(bytes.length / 1024), max: MAX_LOGO_BYTES / 1024 }));
  const kind = sniffImage(bytes);
  if (!kind) throw badRequest(m.text('logoUnknownType'));
  const { default: sharp } = await import('sharp');
  try {
    let input: Buffer = bytes;
    if (kind === 'svg') {
      const svg = bytes.toString('utf8');
      const unsafe = unsafeSvgPart(svg);
      if (unsafe) throw badRequest(m.text('logoUnsafeSvg', { what: unsafe }));
      input = await rasterise(svg, MAX_SIDE);
    }
    const { data, info } = await sharp(input, { limitInputPixels: 40_000_000 })
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .png()
      .toBuffer({ resolveWithObject: true });
    return { png: data, width: info.width, height: info.height, source: kind };
  } catch (error) {
    if (error instanceof Error && error.name === 'AppError') throw error;
    throw badRequest(m.text('logoUnreadable', { detail: error instanceof Error ? error.message.slice(0, 120) : String(error) }));
  }
}

/** The pixel size of a PNG (its IHDR chunk). */
export function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
