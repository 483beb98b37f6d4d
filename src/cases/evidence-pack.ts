import { createHash } from 'node:crypto';
import { zipSync } from 'fflate';
import type { Db } from '../db/database.ts';
import { recordAudit } from '../audit/index.ts';
import { wholeOrganisation, type Viewer } from '../core/viewer.ts';
import { findMention, findMentionVersions } from '../mentions/index.ts';
import { casesMessages, tierName } from './cases.messages.ts';
import { findTimeline, getCase } from './cases.queries.ts';
import { WordedError } from './worded-error.ts';

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
  const tier = c.tier;
  if (tier !== 'malicious') throw new WordedError('bad_request', casesMessages.text('evidenceForMalicious', { tier }), (locale) => ({ tier: tierName(locale, tier) }));
  const files: Record<string, Uint8Array> = {};
  // The case's own mentions go in whole, whichever department they name.
  const all = wholeOrganisation(viewer.orgId);
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
      versions: [...versions, { version: m.version, title: m.title, text: m.text, ratingRaw: m.ratingRaw, rating: m.rating, receivedAt: m.receivedAt, current: true }],
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

/** Who exports a pack, for the audit log. */
export interface EvidenceExporter {
  viewer: Viewer;
  userId: string;
  email: string;
  ip: string | null;
}

/**
 * Builds a case's evidence pack and records who exported it, by its manifest hash, in one
 * transaction: a pack handed to lawyers can always be traced. Throws as buildEvidencePack does.
 */
export async function exportEvidencePack(db: Db, by: EvidenceExporter, caseId: string): Promise<{ zip: Uint8Array; manifestSha256: string; fileName: string }> {
  return db.transaction().execute(async (trx) => {
    const pack = await buildEvidencePack(trx, by.viewer, caseId);
    await recordAudit(trx, {
      orgId: by.viewer.orgId,
      userId: by.userId,
      actor: by.email,
      action: 'case.evidence_export',
      targetType: 'case',
      targetId: caseId,
      ip: by.ip,
      details: { manifestSha256: pack.manifestSha256 },
    });
    return pack;
  });
}
