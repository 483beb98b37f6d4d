import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { Db } from '../db/database.ts';
import type { Locale } from '../core/i18n.ts';
import { submitResponse } from '../surveys/public/index.ts';
import { findPublicLink, surveyDefinition } from '../surveys/public/public-survey.queries.ts';
import { COMMUNICATION_DIMENSIONS, type Answers, type QuestionDef } from '../surveys/survey-definition.ts';
import type { SurveyTemplate } from '../surveys/surveys.vocab.ts';

/*
 * The demo clinic's survey answers over the last eight weeks, submitted through the public page's
 * own use case (so each is one mention through the ingest path, and a low score asks for a
 * general case), then dated back to when they were given. Most patients are satisfied, a fifth
 * are not, a third write a comment, a few ask to be called back; every name and number is
 * fictional. Idempotent: an organisation that has answers keeps them.
 */

const WEEKS = 8;
const PER_WEEK = 16;

type Band = 'low' | 'neutral' | 'high';

const COMMENTS: Record<Band, Partial<Record<Locale, string[]>>> = {
  high: {
    'zh-CN': ['医生讲解得很清楚，护士也很耐心，谢谢！', '预约准时，环境干净，下次还来。', '王医生很细心，把注意事项都写下来了。', '前台很热情，流程比以前快多了。'],
    ru: ['Врач всё подробно объяснил, спасибо!', 'Приняли вовремя, в клинике чисто и спокойно.'],
    en: ['The doctor explained everything clearly and took her time.', 'On time, friendly nurses, spotless clinic.'],
  },
  neutral: {
    'zh-CN': ['整体还可以，就是取药排队有点久。', '医生不错，但停车不太方便。', '检查结果出得有点慢，希望能短信通知。'],
    ru: ['В целом нормально, но в регистратуре пришлось подождать.'],
    en: ['Good care, but the bill was higher than I expected.'],
  },
  low: {
    'zh-CN': ['预约了九点，等到十一点才看上，也没人解释。', '收费不透明，结账时多了好几项检查费。', '护士态度很差，问了两遍都不耐烦。', '候诊区太吵太挤，孩子一直哭也没人管。'],
    ru: ['Ждали больше часа после назначенного времени, никто ничего не объяснил.', 'В счёте оказались услуги, о которых нас не предупредили.'],
    en: ['Waited over an hour past my appointment with no explanation.', 'The front desk was rude when I asked about the bill.'],
  },
};

/** A small deterministic generator, so the demo is the same every time it is seeded. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function answerFor(q: QuestionDef, band: Band, rnd: () => number, locale: Locale, comments: Record<Band, Partial<Record<Locale, string[]>>>): Answers[string] | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  switch (q.type) {
    case 'nps':
      return band === 'high' ? pick([9, 9, 10, 10, 10]) : band === 'neutral' ? pick([7, 8]) : pick([1, 3, 4, 5, 6, 6]);
    case 'csat':
      return band === 'high' ? pick([4, 5, 5]) : band === 'neutral' ? 3 : pick([1, 2]);
    case 'fft':
      return band === 'high' ? pick([4, 5, 5]) : band === 'neutral' ? 3 : pick([1, 2]);
    case 'communication':
      return Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, band === 'high' ? pick([3, 4, 4]) : band === 'neutral' ? pick([2, 3, 3]) : pick([1, 2, 2, 3])]));
    case 'waiting_time':
    case 'single_choice': {
      const options = q.options ?? [];
      if (!options.length) return undefined;
      // Options run from best to worst in the templates: the happier the patient, the earlier the choice.
      const at = band === 'high' ? 0 : band === 'neutral' ? 1 : Math.min(options.length - 1, 2 + Math.floor(rnd() * 2));
      return options[Math.min(at, options.length - 1)]!.id;
    }
    case 'multiple_choice':
      return band === 'low' ? [] : (q.options ?? []).filter(() => rnd() < 0.4).map((o) => o.id);
    case 'free_text': {
      if (rnd() > (band === 'low' ? 0.8 : 0.3)) return undefined;
      const bank = comments[band][locale] ?? comments[band]['zh-CN']!;
      return pick(bank);
    }
    default:
      return undefined;
  }
}

/** Seeds the answers; returns how many were submitted. */
export async function seedDemoResponses(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string, anchor: Date = new Date()): Promise<number> {
  const { db } = ctx;
  const answered = await db.selectFrom('survey_responses').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (answered) return 0;
  const links = await db
    .selectFrom('survey_links as l')
    .innerJoin('surveys as s', 's.id', 'l.survey_id')
    .select(['l.token', 's.template'])
    .where('l.org_id', '=', orgId)
    .where('l.disabled_at', 'is', null)
    .where('s.status', '=', 'active')
    .where('l.scope', '<>', 'visit')
    .where('s.template', 'in', ['outpatient', 'nps_why', 'fft'] satisfies SurveyTemplate[])
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  if (!links.length) return 0;
  const rnd = random(20261201);
  let submitted = 0;
  for (let week = WEEKS - 1; week >= 0; week--) {
    for (let i = 0; i < PER_WEEK; i++) {
      const link = links[Math.floor(rnd() * links.length)]!;
      const found = await findPublicLink(db, link.token);
      if (!found) continue;
      const definition = await surveyDefinition(db, orgId, found.link.surveyId, found.link.version);
      if (!definition) continue;
      const roll = rnd();
      const band: Band = roll < 0.2 ? 'low' : roll < 0.42 ? 'neutral' : 'high';
      const locale: Locale = rnd() < 0.82 ? 'zh-CN' : rnd() < 0.6 ? 'ru' : 'en';
      const answers: Answers = {};
      for (const q of definition.pages.flatMap((p) => p.questions)) {
        const a = answerFor(q, band, rnd, locale, COMMENTS);
        if (a !== undefined) answers[q.id] = a;
      }
      const callback = band === 'low' && rnd() < 0.4;
      const n = week * PER_WEEK + i;
      const contact = callback ? { ok: true, name: `演示患者${n}`, phone: `+86 138 0000 ${String(1000 + n).slice(-4)}`, email: null } : null;
      const token = randomBytes(18).toString('base64url');
      const result = await submitResponse(ctx, { link: found.link, definition, version: found.link.version, token, locale, answers, cleared: [], contact, fresh: true });
      if (!result.created) continue;
      submitted++;
      // Given during that week, in clinic hours.
      const at = new Date(anchor.getTime() - (week * 7 + Math.floor(rnd() * 7)) * 86_400_000 - (2 + Math.floor(rnd() * 9)) * 3_600_000);
      await backdateResponse(db, token, at);
    }
  }
  return submitted;
}

/** Moves a demo answer (found by its token) and the mention it became to `at`, as if given then: the demo's answers are submitted now and spread over past weeks. */
export async function backdateResponse(db: Db, token: string, at: Date): Promise<void> {
  const row = await db
    .updateTable('survey_responses')
    .set({ submitted_at: at, started_at: new Date(at.getTime() - 3 * 60_000) })
    .where('token', '=', token)
    .returning('mention_id')
    .executeTakeFirstOrThrow();
  if (row.mention_id)
    await db
      .updateTable('mentions')
      .set({ published_at: at, received_at: sql<Date>`least(received_at, ${at})` })
      .where('id', '=', row.mention_id)
      .execute();
}
