import { recordAudit } from '../audit/index.ts';
import type { Db } from '../db/database.ts';

/** The patient an opt-out link is for, with their organisation, or null for an unknown token. */
export async function findOptOutLink(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return (
    (await db
      .selectFrom('outreach_opt_out_links as l')
      .innerJoin('patients as p', (j) => j.onRef('p.id', '=', 'l.patient_id').onRef('p.org_id', '=', 'l.org_id'))
      .innerJoin('organisations as o', 'o.id', 'l.org_id')
      .select(['l.org_id as orgId', 'l.patient_id as patientId', 'p.locale', 'p.opted_out_at as optedOutAt', 'o.name as orgName', 'o.default_locale as orgLocale'])
      .where('l.token', '=', token)
      .executeTakeFirst()) ?? null
  );
}

/**
 * Opts the link's patient out of every message (invitations, follow-ups: they ask isContactable),
 * once; their scheduled invitations are skipped at once. Audited as the patient's own act.
 */
export async function optOutByLink(db: Db, token: string, ip: string | null): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const link = await findOptOutLink(trx, token);
    if (!link) return false;
    const now = new Date();
    await trx.updateTable('outreach_opt_out_links').set({ used_at: now }).where('token', '=', token).where('used_at', 'is', null).execute();
    if (link.optedOutAt) return true;
    await trx.updateTable('patients').set({ opted_out_at: now, updated_at: now }).where('id', '=', link.patientId).where('org_id', '=', link.orgId).execute();
    await trx
      .updateTable('survey_invitations')
      .set({ status: 'skipped', skip_reason: 'opted_out' })
      .where('org_id', '=', link.orgId)
      .where('patient_id', '=', link.patientId)
      .where('status', '=', 'scheduled')
      .execute();
    await recordAudit(trx, { orgId: link.orgId, userId: null, actor: 'patient', action: 'patient.opt_out', targetType: 'patient', targetId: link.patientId, ip, details: { via: 'link' } });
    return true;
  });
}
