import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Db } from '../db/database.ts';
import { badRequest } from '../core/errors.ts';
import { findMention, findMentionVersions, type Viewer } from '../mentions/mentions.queries.ts';
import { findTimeline, getCase } from './cases.queries.ts';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/**
 * The evidence pack of a malicious case: each mention with its full edit history, timestamps,
 * source URL and authenticity signals, the case timeline, and manifest.json listing every file's
 * SHA-256. Returns the ZIP and the manifest's own hash (to be recorded outside the ZIP). Throws
 * bad_request for a case that is not malicious, not_found for one the viewer may not see.
 */
export async function buildEvidencePack(db: Db, viewer: Viewer, caseId: string, now = new Date()): Promise<{ zip: Uint8Array; manifestSha256: string; fileName: string }> {
  const c = await getCase(db, viewer, caseId);
  if (c.tier !== 'malicious') throw badRequest(`an evidence pack is for malicious cases; this one is ${c.tier}`);
  const files: Record<string, Uint8Array> = {};
  const all = { ...viewer, departmentIds: null };
  for (const mentionId of c.mentionIds) {
    const m = await findMention(db, all, mentionId);
    if (!m) continue;
    const versions = await findMentionVersions(db, m.id);
    files[`mentions/${m.id}.json`] = json({
      id: m.id,
      source: m.sourceName,
      kind: m.kind,
      url: m.url,
      externalId: m.externalId,
      authorHandle: m.authorHandle,
      publishedAt: m.publishedAt,
      receivedAt: m.receivedAt,
      rating: m.rating,
      title: m.title,
      text: m.text,
      lang: m.lang,
      authenticity: m.analysis?.authenticity ?? null,
      versions: [
        ...versions,
        { version: m.version, title: m.title, text: m.text, ratingRaw: m.ratingRaw, rating: m.rating, receivedAt: m.receivedAt, current: true },
      ],
    });
  }
  files['case.json'] = json({ case: c, timeline: await findTimeline(db, c.id) });
  const manifest = json({
    caseId: c.id,
    caseNumber: c.number,
    generatedAt: now.toISOString(),
    algorithm: 'sha256',
    files: Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })),
  });
  files['manifest.json'] = manifest;
  const mtime = now;
  const zip = zipSync(Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, [bytes, { mtime }]])));
  return { zip, manifestSha256: sha256(manifest), fileName: `case-${c.number}-evidence.zip` };
}
