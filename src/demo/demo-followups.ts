import type { AppContext } from '../core/context.ts';
import type { Locale } from '../core/i18n.ts';
import { enrolPatient, ensureDefaultPlans, markOverdueTasks, recordReadings } from '../followups/index.ts';
import type { FollowupCondition, Metric } from '../followups/followups.vocab.ts';

/**
 * The demo clinic's follow-up: the default plans of the seeds (named in the organisation's
 * language), ten fictional patients enrolled by staff or by QR code, some discharged weeks ago so
 * that tasks are overdue, a few readings sent from the portal, one of them out of range (an urgent
 * task for the care team), and the overdue run. Names are invented and phone numbers are in the
 * unassigned +86 100 range. Idempotent: an organisation with follow-up enrolments is left as it is.
 */
const PATIENTS: { name: string; locale: Locale; condition: FollowupCondition; risk?: 'medium' | 'high' | 'low'; daysAgo: number; qr: boolean; readings?: Partial<Record<Metric, number>> }[] = [
  { name: '演示患者 王小明', locale: 'zh-CN', condition: 'diabetes', daysAgo: 92, qr: true, readings: { glucose_fasting: 11.8, weight: 78.5 } },
  { name: '演示患者 李芳', locale: 'zh-CN', condition: 'diabetes', daysAgo: 40, qr: false, readings: { glucose_fasting: 6.1, weight: 61.2 } },
  { name: '演示患者 张伟', locale: 'zh-CN', condition: 'post_surgery', daysAgo: 8, qr: true, readings: { temperature: 36.8, pain: 3 } },
  { name: '演示患者 刘洋', locale: 'zh-CN', condition: 'post_surgery', daysAgo: 3, qr: false },
  { name: '演示患者 陈静', locale: 'zh-CN', condition: 'cancer', risk: 'high', daysAgo: 33, qr: false },
  { name: '演示患者 杨磊', locale: 'zh-CN', condition: 'hypertension', daysAgo: 31, qr: true, readings: { bp_systolic: 132, bp_diastolic: 84, heart_rate: 72 } },
  { name: '演示患者 赵敏', locale: 'zh-CN', condition: 'pregnancy', risk: 'low', daysAgo: 10, qr: true },
  { name: 'Демо-пациент Ольга Иванова', locale: 'ru', condition: 'hypertension', daysAgo: 45, qr: true },
  { name: 'Демо-пациент Пётр Смирнов', locale: 'ru', condition: 'post_surgery', daysAgo: 1, qr: false },
  { name: 'Demo patient Alex Morgan', locale: 'en', condition: 'diabetes', risk: 'high', daysAgo: 35, qr: true },
];

export async function seedDemoFollowups(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string): Promise<{ plans: number; enrolments: number }> {
  const { db, boss } = ctx;
  const org = await db.selectFrom('organisations').select(['default_locale']).where('id', '=', orgId).executeTakeFirstOrThrow();
  const existing = await db.selectFrom('followup_enrolments').select('id').where('org_id', '=', orgId).executeTakeFirst();
  if (existing) return { plans: 0, enrolments: 0 };
  await ensureDefaultPlans(db, { orgId, userId: null, actor: 'demo', ip: null }, org.default_locale);
  const plans = await db.selectFrom('followup_plans').select(['id', 'condition', 'risk']).where('org_id', '=', orgId).execute();
  const departments = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).orderBy('code').execute();
  const now = Date.now();
  let n = 0;
  for (const p of PATIENTS) {
    const plan = plans.find((x) => x.condition === p.condition && x.risk === (p.risk ?? 'medium')) ?? plans.find((x) => x.condition === p.condition);
    if (!plan) continue;
    n++;
    const { enrolmentId } = await enrolPatient(db, boss, {
      orgId,
      planId: plan.id,
      patient: { externalId: `DEMO-FU-${String(n).padStart(3, '0')}`, name: p.name, phone: `+86 100 0000 ${String(100 + n)}`, locale: p.locale },
      anchorAt: new Date(now - p.daysAgo * 86_400_000),
      departmentId: departments.length ? departments[n % departments.length]!.id : null,
      source: p.qr ? 'qr' : 'staff',
      by: p.qr ? null : { orgId, userId: null, actor: 'demo', ip: null },
      consent: p.qr ? { locale: p.locale, agreed: { followUp: true, photos: p.condition === 'post_surgery' } } : undefined,
    });
    if (p.readings) await recordReadings(db, boss, { orgId, enrolmentId, values: p.readings, source: 'patient', publicUrl: '' });
  }
  await markOverdueTasks(db, boss, '');
  return { plans: plans.length, enrolments: n };
}
