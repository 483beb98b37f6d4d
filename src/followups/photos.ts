import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { missing, refused } from './errors.ts';
import { MAX_PHOTO_BYTES, type PhotoMime } from './followups.vocab.ts';
import { currentCheckin } from './readings.ts';

/** The image type by its first bytes (never the file name or the declared type), or null. */
export function sniffImage(bytes: Buffer): PhotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return null;
}

export type PhotoProblem = 'missing' | 'too_big' | 'not_image';

/**
 * Re-encodes an uploaded picture with sharp: the orientation is applied to the pixels and every
 * piece of metadata (EXIF with GPS position and camera, XMP, ICC, comments) is dropped, since
 * sharp writes none unless asked. Returns a problem for an empty, oversized or non-image file.
 */
export async function cleanPhoto(bytes: Buffer): Promise<{ ok: true; mime: PhotoMime; bytes: Buffer; width: number; height: number } | { ok: false; problem: PhotoProblem }> {
  if (!bytes.length) return { ok: false, problem: 'missing' };
  if (bytes.length > MAX_PHOTO_BYTES) return { ok: false, problem: 'too_big' };
  const mime = sniffImage(bytes);
  if (!mime) return { ok: false, problem: 'not_image' };
  const { default: sharp } = await import('sharp');
  try {
    const image = sharp(bytes, { failOn: 'error', limitInputPixels: 50_000_000 }).rotate();
    const encoded = mime === 'image/jpeg' ? image.jpeg({ quality: 85, mozjpeg: true }) : mime === 'image/png' ? image.png() : image.webp({ quality: 85 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { ok: true, mime, bytes: data, width: info.width, height: info.height };
  } catch {
    return { ok: false, problem: 'not_image' };
  }
}

/** Where photos go: VERITY_UPLOAD_DIR when set, else the database (bytea). */
export function uploadDir(env: NodeJS.ProcessEnv = process.env): string | null {
  return env.VERITY_UPLOAD_DIR?.trim() ? path.resolve(env.VERITY_UPLOAD_DIR.trim()) : null;
}

/** Stores a cleaned photo for an active enrolment. */
export async function storePhoto(db: Db, input: { orgId: string; enrolmentId: string; mime: PhotoMime; bytes: Buffer; width: number; height: number }): Promise<string> {
  const e = await db.selectFrom('followup_enrolments').select(['id', 'status']).where('org_id', '=', input.orgId).where('id', '=', input.enrolmentId).executeTakeFirst();
  if (!e) throw missing('noSuchEnrolment');
  if (e.status !== 'active') throw refused('notActive', { status: e.status });
  const dir = uploadDir();
  let file: string | null = null;
  if (dir) {
    const orgDir = path.join(dir, input.orgId);
    await mkdir(orgDir, { recursive: true });
    file = path.join(input.orgId, `${randomUUID()}.${input.mime.split('/')[1]}`);
    await writeFile(path.join(dir, file), input.bytes, { mode: 0o600 });
  }
  return db.transaction().execute(async (trx) => {
    const checkinId = await currentCheckin(trx, e.id);
    const row = await trx
      .insertInto('followup_photos')
      .values({
        org_id: input.orgId,
        enrolment_id: e.id,
        checkin_id: checkinId,
        mime: input.mime,
        bytes: file ? null : input.bytes,
        path: file,
        size: input.bytes.length,
        width: input.width,
        height: input.height,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

/** A photo's bytes, only within its organisation (and enrolment, for the patient's token); throws 404 otherwise. */
export async function readPhoto(db: Db, orgId: string, photoId: string, scope: { enrolmentId?: string; viewer?: Viewer } = {}): Promise<{ mime: PhotoMime; bytes: Buffer }> {
  let query = db
    .selectFrom('followup_photos as ph')
    .innerJoin('followup_enrolments as e', 'e.id', 'ph.enrolment_id')
    .select(['ph.mime', 'ph.bytes', 'ph.path', 'e.department_id'])
    .where('ph.org_id', '=', orgId)
    .where('ph.id', '=', photoId);
  if (scope.enrolmentId) query = query.where('ph.enrolment_id', '=', scope.enrolmentId);
  const row = await query.executeTakeFirst();
  if (!row) throw missing('noSuchPhoto');
  if (scope.viewer && !viewerSees(scope.viewer, row.department_id)) throw missing('noSuchPhoto');
  if (row.bytes) return { mime: row.mime, bytes: Buffer.from(row.bytes) };
  const dir = uploadDir();
  if (!row.path || !dir) throw missing('noSuchPhoto');
  return { mime: row.mime, bytes: await readFile(path.join(dir, row.path)) };
}
