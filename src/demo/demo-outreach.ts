import type { AppContext } from '../core/context.ts';
import type { Config } from '../core/config.ts';
import { getOutreachSettings, importVisits, sendDueInvitations, updateOutreachSettings } from '../outreach/index.ts';
import { createSurveyFromTemplate } from '../surveys/index.ts';
import type { SurveyTemplate } from '../surveys/surveys.vocab.ts';

/*
 * The demo clinic's outreach: about forty fictional patients (names invented, phones in the
 * reserved-looking +86 138 0000 … / +7 900 000 … ranges, e-mails on example.test) with visits over
 * the last four weeks, imported through the real CSV path, so their invitations are scheduled and
 * sent (into the SMS and mail outboxes: the log provider, no SMTP) or skipped under the contact
 * rules. Idempotent: the visit ids are fixed, a second run imports nothing new, and settings
 * already made are kept.
 */

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['小明', '丽华', '建平', '秀英', '志强', '晓燕', '海涛', '春梅', '国栋', '雪莲'];
const RU = ['Ирина Тестова', 'Павел Примеров', 'Ольга Демонстрова', 'Сергей Образцов'];
const EN = ['Alex Example', 'Sam Sample'];
const HOUR = 3_600_000;

interface DemoRow {
  mrn: string;
  name: string;
  phone: string;
  email: string;
  locale: string;
  visitId: string;
  kind: string;
  department: string;
  doctor: string;
  started: string;
  ended: string;
}

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The demo's visit file: 40 patients, a few with a second visit inside the 30-day contact window, a few with no way to reach them. */
export function demoVisitRows(anchor: Date, departments: { name: string; doctors: string[] }[]): DemoRow[] {
  const rows: DemoRow[] = [];
  for (let i = 0; i < 40; i++) {
    const n = String(i + 1).padStart(2, '0');
    const locale = i % 10 === 7 ? 'ru' : i % 20 === 9 ? 'en' : 'zh-CN';
    const name = locale === 'ru' ? RU[i % RU.length]! : locale === 'en' ? EN[i % EN.length]! : `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}`;
    const dept = departments[i % departments.length]!;
    // Every seventh patient left no contact details; e-mail only for some.
    const phone = i % 7 === 6 ? '' : locale === 'ru' ? `+7 900 000-${n}-${n}` : `+86 138 0000 00${n}`;
    const email = i % 7 === 6 || i % 3 !== 0 ? '' : `demo-patient-${n}@example.test`;
    const visits = i % 8 === 3 ? 2 : 1;
    for (let v = 0; v < visits; v++) {
      const daysAgo = (i * 17 + v * 5) % 27;
      const kind = i % 9 === 4 ? 'inpatient' : i % 13 === 5 ? 'emergency' : 'outpatient';
      const ended = new Date(anchor.getTime() - daysAgo * 24 * HOUR - ((i * 7) % 9) * HOUR - (i === 0 ? 0 : 2 * HOUR));
      const started = new Date(ended.getTime() - (kind === 'inpatient' ? 72 : 1) * HOUR);
      rows.push({
        mrn: `DEMO-MRN-${n}`,
        name,
        phone,
        email,
        locale,
        visitId: `DEMO-VISIT-${n}-${v + 1}`,
        kind,
        department: dept.name,
        doctor: dept.doctors[(i + v) % Math.max(1, dept.doctors.length)] ?? '',
        started: started.toISOString(),
        ended: ended.toISOString(),
      });
    }
  }
  return rows;
}

export async function seedDemoOutreach(
  ctx: Pick<AppContext, 'db' | 'boss'> & { config?: Pick<Config, 'publicUrl' | 'port'> },
  orgId: string,
  anchor: Date = new Date(),
): Promise<{ accepted: number; sent: number; skipped: number }> {
  const { db } = ctx;
  const surveyOf = async (template: SurveyTemplate) =>
    (await db.selectFrom('surveys').select('id').where('org_id', '=', orgId).where('template', '=', template).where('status', '=', 'active').executeTakeFirst())?.id ??
    (await createSurveyFromTemplate(db, { orgId, template }));
  const by = { orgId, userId: null, actor: 'demo', ip: null };
  const stored = await db.selectFrom('outreach_settings').select('org_id').where('org_id', '=', orgId).executeTakeFirst();
  if (!stored) {
    const outpatient = await surveyOf('outpatient');
    const inpatient = await surveyOf('inpatient_discharge');
    await updateOutreachSettings(db, by, {
      market: 'cn',
      contactWindowDays: 30,
      channelPreference: 'sms',
      delayHours: { outpatient: 4, inpatient: 24, emergency: 24, day_case: 12, telehealth: 2 },
      surveyIds: { inpatient },
      defaultSurveyId: outpatient,
      smsProvider: 'log',
    });
  }
  const departments = await db.selectFrom('departments').select(['id', 'name']).where('org_id', '=', orgId).orderBy('code').limit(5).execute();
  const staff = await db.selectFrom('staff').select(['name', 'department_id']).where('org_id', '=', orgId).orderBy('name').execute();
  const depts = departments.map((d) => ({ name: d.name, doctors: staff.filter((s) => s.department_id === d.id).map((s) => s.name) }));
  const rows = demoVisitRows(anchor, depts.length ? depts : [{ name: '', doctors: [] }]);
  const header = 'patient id,name,phone,email,language,visit id,kind,department,doctor,started,ended';
  const csv = [header, ...rows.map((r) => [r.mrn, r.name, r.phone, r.email, r.locale, r.visitId, r.kind, r.department, r.doctor, r.started, r.ended].map(csvCell).join(','))].join('\n');
  const report = await importVisits(ctx, by, { text: csv, format: 'csv', now: anchor });
  // One patient asked not to be contacted again; their later messages are skipped.
  await db.updateTable('patients').set({ opted_out_at: anchor }).where('org_id', '=', orgId).where('external_id', '=', 'DEMO-MRN-05').where('opted_out_at', 'is', null).execute();
  // Sent into the outboxes: the demo never reaches a real SMTP server or SMS provider.
  const config = { publicUrl: ctx.config?.publicUrl ?? null, port: ctx.config?.port ?? 3000, smtpUrl: null, mailFrom: 'Verity demo <demo@verity.local>' };
  const summary = await sendDueInvitations({ db, config: config as Config }, anchor);
  const settings = await getOutreachSettings(db, orgId);
  if (!stored && settings.exclusionWindows.length === 0) await updateOutreachSettings(db, by, { exclusionWindows: [{ kind: 'daily', from: '21:00', to: '08:00', label: '夜间免打扰' }] });
  return { accepted: report.accepted, sent: summary.sent, skipped: report.invitations.skipped + summary.skipped };
}
