import { recordAudit, type AuditBy } from '../audit/index.ts';
import type { Db } from '../db/database.ts';
import { missing, refused } from './errors.ts';

/**
 * Withdraws an enrolment, by staff or by the patient in the portal: at once every future
 * check-in and every open task is cancelled, so nobody contacts the patient for this plan again,
 * and the withdrawal (who, when, why) is recorded.
 */
export async function withdrawEnrolment(db: Db, input: { orgId: string; enrolmentId: string; by: AuditBy | null; reason?: string | null }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const e = await trx.selectFrom('followup_enrolments').select(['id', 'status']).where('org_id', '=', input.orgId).where('id', '=', input.enrolmentId).forUpdate().executeTakeFirst();
    if (!e) throw missing('noSuchEnrolment');
    if (e.status !== 'active') throw refused('notActive', { status: e.status });
    const now = new Date();
    await trx
      .updateTable('followup_enrolments')
      .set({ status: 'withdrawn', withdrawn_at: now, withdrawn_by: input.by?.userId ?? null, withdrawn_via: input.by ? 'staff' : 'patient', withdraw_reason: input.reason?.trim() || null })
      .where('id', '=', e.id)
      .execute();
    await trx.updateTable('followup_checkins').set({ status: 'cancelled' }).where('enrolment_id', '=', e.id).where('status', '=', 'scheduled').execute();
    await trx.updateTable('followup_tasks').set({ status: 'cancelled' }).where('enrolment_id', '=', e.id).where('status', '=', 'open').execute();
    await recordAudit(trx, {
      orgId: input.orgId,
      userId: input.by?.userId ?? null,
      actor: input.by?.actor ?? 'patient',
      ip: input.by?.ip ?? null,
      action: 'followup.withdrawn',
      targetType: 'followup_enrolment',
      targetId: e.id,
      details: { via: input.by ? 'staff' : 'patient', reason: input.reason ?? null },
    });
  });
}
