import type { Db } from '../db/database.ts';
import { notFound } from '../core/errors.ts';
import { createShareLink, getShareLink, type ShareLinkRow } from '../sharing/index.ts';
import type { ShareChannel } from '../sharing/sharing.vocab.ts';

/**
 * A patient's personal referral link for a programme: a share link of kind `referral` whose code is
 * the referral code the patient can read out (`/r/<code>`). One per patient, programme and channel;
 * asking again returns the same link. `parentLinkId` continues a chain: a patient who came by a
 * referral and now refers others.
 */
export async function createReferralLink(
  db: Db,
  input: { orgId: string; programmeId: string; patientId: string; channel?: ShareChannel | null; parentLinkId?: string | null; userId?: string | null },
): Promise<ShareLinkRow> {
  const programme = await db.selectFrom('referral_programmes').select(['id', 'name']).where('org_id', '=', input.orgId).where('id', '=', input.programmeId).executeTakeFirst();
  if (!programme) throw notFound('referral programme');
  const patient = await db.selectFrom('patients').select('id').where('org_id', '=', input.orgId).where('id', '=', input.patientId).executeTakeFirst();
  if (!patient) throw notFound('patient');
  let existing = db
    .selectFrom('share_links')
    .select('id')
    .where('org_id', '=', input.orgId)
    .where('target_kind', '=', 'referral')
    .where('target_id', '=', programme.id)
    .where('owner_patient_id', '=', patient.id)
    .where('disabled_at', 'is', null);
  existing = input.channel ? existing.where('channel', '=', input.channel) : existing.where('channel', 'is', null);
  const found = await existing.executeTakeFirst();
  if (found) return getShareLink(db, input.orgId, found.id);
  // The chain continues from the link the patient themselves came by, unless the caller names one.
  const cameBy =
    input.parentLinkId ??
    (
      await db
        .selectFrom('referrals')
        .select('link_id')
        .where('org_id', '=', input.orgId)
        .where('referee_patient_id', '=', patient.id)
        .where('link_id', 'is not', null)
        .orderBy('created_at')
        .executeTakeFirst()
    )?.link_id ??
    null;
  return createShareLink(db, {
    orgId: input.orgId,
    targetKind: 'referral',
    targetId: programme.id,
    channel: input.channel ?? null,
    label: programme.name,
    ownerPatientId: patient.id,
    ownerUserId: input.userId ?? null,
    parentId: cameBy,
  });
}
