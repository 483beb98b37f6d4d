import type { Db } from '../db/database.ts';
import { findLinkByCode, recordConversion } from './share-links.ts';
import type { ConversionKind } from './sharing.vocab.ts';

/**
 * Records a conversion for the link a visitor arrived by (the ARRIVAL_COOKIE's code), when that
 * link is live and of the organisation the conversion happens in; returns the link's id, or null
 * when there was no such link (no cookie, a code of another clinic, a disabled link).
 */
export async function recordArrivalConversion(
  db: Db,
  input: { cookie: string | null | undefined; orgId: string; patientId: string | null; kind: ConversionKind; refId?: string | null; at?: Date },
): Promise<string | null> {
  if (!input.cookie) return null;
  const link = await findLinkByCode(db, input.cookie);
  if (!link || link.orgId !== input.orgId || link.disabledAt) return null;
  await recordConversion(db, { orgId: input.orgId, linkId: link.id, patientId: input.patientId, kind: input.kind, refId: input.refId ?? null, at: input.at });
  return link.id;
}
