import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { SurveyDefinitionType } from '../survey-definition.ts';
import type { LinkScope, SurveyStatus } from '../surveys.vocab.ts';

/** Test and benchmark helpers: a survey written straight into the tables (the builder's own tests cover the builder). */

/** Two pages: an NPS and the four-dimension rating, then why (free text) and the call-back consent. */
export const TWO_PAGE_SURVEY: SurveyDefinitionType = {
  intro: { en: 'Two minutes about your visit.', ru: 'Две минуты о вашем визите.', 'zh-CN': '占用您两分钟。' },
  pages: [
    {
      questions: [
        {
          id: 'nps',
          type: 'nps',
          required: true,
          text: {
            en: 'How likely are you to recommend us to friends or family?',
            ru: 'Насколько вероятно, что вы порекомендуете нас друзьям или родным?',
            'zh-CN': '您向亲友推荐我们的可能性有多大？',
          },
        },
        { id: 'doctor', type: 'communication', required: false, text: { en: 'Your doctor…', ru: 'Ваш врач…', 'zh-CN': '您的医生……' } },
      ],
    },
    {
      questions: [
        {
          id: 'why',
          type: 'free_text',
          required: false,
          text: { en: 'What is the main reason for your score?', ru: 'Почему вы поставили такую оценку?', 'zh-CN': '您给出这个分数的主要原因是什么？' },
        },
        { id: 'contact', type: 'contact_consent', required: false, text: { en: 'May we contact you?', ru: 'Можно с вами связаться?', 'zh-CN': '我们可以联系您吗？' } },
      ],
    },
  ],
  thanks: { en: 'We read every answer.', ru: 'Мы читаем каждый ответ.', 'zh-CN': '我们会认真阅读每一条回答。' },
};

/** One page: an NPS and why. */
export const ONE_PAGE_SURVEY: SurveyDefinitionType = {
  pages: [
    {
      questions: [
        { id: 'nps', type: 'nps', required: true, text: { en: 'How likely are you to recommend us?', ru: 'Порекомендуете ли вы нас?', 'zh-CN': '您会推荐我们吗？' } },
        { id: 'why', type: 'free_text', required: false, text: { en: 'Why?', ru: 'Почему?', 'zh-CN': '为什么？' } },
      ],
    },
  ],
};

export async function insertSurvey(db: Db, orgId: string, definition: SurveyDefinitionType, status: SurveyStatus = 'active'): Promise<string> {
  const survey = await db.insertInto('surveys').values({ org_id: orgId, name: 'Test survey', status, current_version: 1 }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('survey_versions')
    .values({ survey_id: survey.id, version: 1, definition: JSON.stringify(definition) })
    .execute();
  return survey.id;
}

export async function insertLink(
  db: Db,
  orgId: string,
  surveyId: string,
  opts: { scope?: LinkScope; locale?: 'ru' | 'en' | 'zh-CN' | null; locationId?: string; departmentId?: string; staffId?: string; visitId?: string; disabled?: boolean } = {},
): Promise<{ id: string; token: string }> {
  const token = randomBytes(16).toString('base64url');
  const row = await db
    .insertInto('survey_links')
    .values({
      org_id: orgId,
      survey_id: surveyId,
      token,
      scope: opts.scope ?? 'organisation',
      locale: opts.locale ?? null,
      location_id: opts.locationId ?? null,
      department_id: opts.departmentId ?? null,
      staff_id: opts.staffId ?? null,
      visit_id: opts.visitId ?? null,
      disabled_at: opts.disabled ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function setReviewLinks(db: Db, orgId: string, links: { label: string; url: string }[]): Promise<void> {
  await db
    .insertInto('survey_settings')
    .values({ org_id: orgId, review_links: JSON.stringify(links) })
    .onConflict((oc) => oc.column('org_id').doUpdateSet({ review_links: JSON.stringify(links) }))
    .execute();
}

/** A urlencoded form body as a browser sends it. */
export function form(fields: Record<string, string | string[]>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
  return p.toString();
}

/** The response token a rendered page carries. */
export function responseTokenOf(page: string): string {
  const m = /name="rt" value="([^"]+)"/.exec(page);
  if (!m) throw new Error('no response token in the page');
  return m[1]!;
}
