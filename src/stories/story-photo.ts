import { STORY_PHOTO_MAX_BYTES } from './stories.vocab.ts';

export type StoryPhotoMime = 'image/jpeg' | 'image/png' | 'image/webp';
export type StoryPhotoProblem = 'too_big' | 'not_image';

/** The image type by its first bytes (never the file name or the declared type), or null. */
export function sniffStoryPhoto(bytes: Buffer): StoryPhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

/**
 * Re-encodes a story's photo with sharp: the orientation goes into the pixels, every piece of
 * metadata (EXIF with the GPS position and camera, XMP, ICC, comments) is dropped, and the picture
 * is scaled down to at most 2000 px on its longer side (a story page needs no more).
 */
export async function cleanStoryPhoto(bytes: Buffer): Promise<{ ok: true; mime: StoryPhotoMime; bytes: Buffer } | { ok: false; problem: StoryPhotoProblem }> {
  if (bytes.length > STORY_PHOTO_MAX_BYTES) return { ok: false, problem: 'too_big' };
  const mime = sniffStoryPhoto(bytes);
  if (!mime) return { ok: false, problem: 'not_image' };
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate().resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true });
    const encoded = mime === 'image/jpeg' ? image.jpeg({ quality: 85, mozjpeg: true }) : mime === 'image/png' ? image.png() : image.webp({ quality: 85 });
    return { ok: true, mime, bytes: await encoded.toBuffer() };
  } catch {
    return { ok: false, problem: 'not_image' };
  }
}
