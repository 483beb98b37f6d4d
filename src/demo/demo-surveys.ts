import type { AppContext } from '../core/context.ts';
import { createSurveyFromTemplate, createSurveyLink } from '../surveys/index.ts';
import type { LinkScope, SurveyTemplate } from '../surveys/surveys.vocab.ts';

/**
 * The demo clinic's surveys: the four templates as active surveys (names in Chinese, the demo's
 * language), a QR link for every location and for a few doctors, and the public review links every
 * respondent is offered. The review links are placeholders on the reserved `.example` domain, so
 * nobody mistakes them for the clinic's real pages. Idempotent: a template the organisation has a
 * survey of already, and review links already set, are left as they are.
 */
const DEMO_SURVEYS: { template: SurveyTemplate; name: string; links: ('locations' | 'doctors' | 'organisation')[] }[] = [
  { template: 'outpatient', name: '门诊就诊满意度调查', links: ['locations', 'doctors'] },
  { template: 'nps_why', name: '推荐意愿（NPS）', links: ['organisation'] },
  { template: 'fft', name: '亲友推荐测试（FFT）', links: ['locations'] },
  { template: 'inpatient_discharge', name: '出院患者满意度调查', links: ['organisation'] },
];

export const DEMO_REVIEW_LINKS = [
  { label: '大众点评（演示）', url: 'https://dianping.example/shop/verity-demo-clinic' },
  { label: 'Google (demo)', url: 'https://google-reviews.example/verity-demo-clinic' },
  { label: '2ГИС (демо)', url: 'https://2gis.example/firm/verity-demo-clinic' },
];

export async function seedDemoSurveys(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string): Promise<{ surveys: number; links: number }> {
  const { db } = ctx;
  const locations = await db.selectFrom('locations').select(['id', 'name']).where('org_id', '=', orgId).orderBy('code').execute();
  const doctors = await db.selectFrom('staff').select(['id', 'name']).where('org_id', '=', orgId).orderBy('name').limit(4).execute();
  let surveys = 0;
  let links = 0;
  for (const spec of DEMO_SURVEYS) {
    const exists = await db.selectFrom('surveys').select('id').where('org_id', '=', orgId).where('template', '=', spec.template).executeTakeFirst();
    if (exists) continue;
    await db.transaction().execute(async (trx) => {
      const surveyId = await createSurveyFromTemplate(trx, { orgId, template: spec.template, name: spec.name, status: 'active' });
      surveys++;
      const scoped: { scope: LinkScope; locationId?: string; staffId?: string; locale?: 'ru' | 'en' }[] = [];
      for (const kind of spec.links) {
        if (kind === 'organisation') scoped.push({ scope: 'organisation' });
        if (kind === 'locations') for (const l of locations) scoped.push({ scope: 'location', locationId: l.id });
        // One doctor's card in Russian, for the clinic's Russian-speaking patients.
        if (kind === 'doctors') doctors.forEach((d, i) => scoped.push({ scope: 'staff', staffId: d.id, ...(i === doctors.length - 1 ? { locale: 'ru' as const } : {}) }));
      }
      for (const s of scoped) {
        await createSurveyLink(trx, { orgId, surveyId, ...s });
        links++;
      }
    });
  }
  const settings = await db.selectFrom('survey_settings').select('org_id').where('org_id', '=', orgId).executeTakeFirst();
  if (!settings)
    await db
      .insertInto('survey_settings')
      .values({ org_id: orgId, review_links: JSON.stringify(DEMO_REVIEW_LINKS) })
      .execute();
  return { surveys, links };
}
