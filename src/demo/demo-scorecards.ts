import { randomBytes } from 'node:crypto';
import { backdateResponse } from './demo-responses.ts';
import type { AppContext } from '../core/context.ts';
import type { Locale } from '../core/i18n.ts';
import { createSurveyLink } from '../surveys/index.ts';
import { submitResponse } from '../surveys/public/index.ts';
import { findPublicLink, surveyDefinition } from '../surveys/public/public-survey.queries.ts';
import { COMMUNICATION_DIMENSIONS, type Answers, type QuestionDef } from '../surveys/survey-definition.ts';
import { QUALITY_INDICATORS, type QualityIndicator } from '../views/scorecards/scorecards.vocab.ts';

/*
 * The demo clinic's scorecards: quality and safety indicators per staff member for the last three
 * months and the current one (as a hospital system would export them), visit volume from the
 * hospital system for the last 90 days, the demo doctor's account (doctor@demo.verity.local)
 * linked to the roster entry 王建国, and survey answers through the public page's own use case so
 * that four doctors pass 30 responses in the last 90 days and one has exactly 12 (shown, not
 * ranked). Every figure is invented. Idempotent: an organisation with indicators is left as it is.
 */

const DAY_MS = 86_400_000;

/** Typical rates of each indicator (events per exposure) before a staff member's own factor. */
const BASE_RATE: Record<QualityIndicator, number> = { complication_rate: 0.03, readmission_rate: 0.05, incident_rate: 0.015, infection_rate: 0.02 };
/** How much better (< 1) or worse (> 1) than typical a staff member is, picked by their name. */
const FACTORS = [0.4, 1, 0.7, 1.6, 1.2, 0.9, 2.2, 0.6, 1.1, 1.4, 0.8, 1.9, 1, 0.5];

/**
 * Doctors whose patients answer enough to be ranked: the share of happy answers and the quality
 * factor of each. The happiest patients are not always the best outcomes (张伟), which the
 * balanced score weighs.
 */
const RANKED: { name: string; happy: number; factor: number }[] = [
  { name: '王建国', happy: 0.8, factor: 0.3 },
  { name: '李秀英', happy: 0.7, factor: 0.8 },
  { name: '张伟', happy: 0.85, factor: 2.4 },
  { name: '陈明', happy: 0.6, factor: 1.1 },
];
const RANKED_TARGET = 48;

const factorOf = (name: string) => RANKED.find((r) => r.name === name)?.factor ?? FACTORS[[...name].reduce((a, ch) => a + ch.codePointAt(0)!, 0) % FACTORS.length]!;
/** One doctor without answers gets exactly this many: shown on the leaderboard, not ranked. */
const FEW_ANSWERS = 12;

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Band = 'low' | 'neutral' | 'high';

function answerFor(q: QuestionDef, band: Band, rnd: () => number): Answers[string] | undefined {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  switch (q.type) {
    case 'nps':
      return band === 'high' ? pick([9, 10, 10]) : band === 'neutral' ? pick([7, 8]) : pick([2, 4, 5, 6]);
    case 'csat':
    case 'fft':
      return band === 'high' ? pick([4, 5, 5]) : band === 'neutral' ? 3 : pick([1, 2]);
    case 'communication':
      return Object.fromEntries(COMMUNICATION_DIMENSIONS.map((d) => [d, band === 'high' ? pick([3, 4, 4, 4]) : band === 'neutral' ? pick([2, 3, 3]) : pick([1, 2, 2])]));
    case 'waiting_time':
    case 'single_choice': {
      const options = q.options ?? [];
      return options.length ? options[Math.min(band === 'high' ? 0 : band === 'neutral' ? 1 : 2, options.length - 1)]!.id : undefined;
    }
    default:
      return undefined;
  }
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export async function seedDemoScorecards(ctx: Pick<AppContext, 'db' | 'boss'>, orgId: string, anchor: Date = new Date()): Promise<{ indicators: number; visits: number; responses: number }> {
  const { db } = ctx;
  const seeded = await db.selectFrom('quality_indicators').select('id').where('org_id', '=', orgId).limit(1).executeTakeFirst();
  if (seeded) return { indicators: 0, visits: 0, responses: 0 };
  // In code-point order, the same on every store (collations differ).
  const staff = (await db.selectFrom('staff').select(['id', 'name', 'title', 'department_id']).where('org_id', '=', orgId).where('department_id', 'is not', null).execute()).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  const rnd = random(20261215);

  // Indicators: one row per staff member, indicator and calendar month (three full months and this one).
  const rows: { org_id: string; period_start: string; period_end: string; department_id: string | null; staff_id: string; indicator: QualityIndicator; events: number; exposures: number }[] = [];
  for (let m = 3; m >= 0; m--) {
    const start = new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() - m, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 0));
    staff.forEach((s) => {
      const factor = factorOf(s.name);
      const busy = RANKED.some((r) => r.name === s.name);
      for (const indicator of QUALITY_INDICATORS) {
        const exposures = (busy ? 250 : 80) + Math.floor(rnd() * 120);
        const expected = exposures * BASE_RATE[indicator] * factor;
        const events = Math.min(exposures, Math.max(0, Math.round(expected + (rnd() - 0.5) * Math.sqrt(expected + 1) * 2)));
        rows.push({ org_id: orgId, period_start: iso(start), period_end: iso(end), department_id: s.department_id, staff_id: s.id, indicator, events, exposures });
      }
    });
  }
  if (rows.length) await db.insertInto('quality_indicators').values(rows).execute();

  // Visit volume from the hospital system: the demo's patients seen by each staff member over the last 90 days.
  const patients = await db.selectFrom('patients').select('id').where('org_id', '=', orgId).orderBy('created_at').orderBy('id').execute();
  let visits = 0;
  if (patients.length) {
    const visitRows = staff.flatMap((s, i) =>
      Array.from({ length: 25 + ((i * 13) % 40) }, (_, k) => {
        const ended = new Date(anchor.getTime() - (1 + Math.floor(rnd() * 88)) * DAY_MS - Math.floor(rnd() * 8) * 3_600_000);
        return {
          org_id: orgId,
          patient_id: patients[(i * 7 + k) % patients.length]!.id,
          external_id: `DEMO-VOLUME-${i + 1}-${k + 1}`,
          source: 'manual' as const,
          department_id: s.department_id,
          staff_id: s.id,
          started_at: new Date(ended.getTime() - 3_600_000),
          ended_at: ended,
        };
      }),
    );
    for (let i = 0; i < visitRows.length; i += 1000)
      await db
        .insertInto('visits')
        .values(visitRows.slice(i, i + 1000))
        .execute();
    visits = visitRows.length;
  }

  // The demo doctor's account is the roster's 王建国: they see their own scorecard.
  const wang = staff.find((s) => s.name === '王建国');
  if (wang) await db.updateTable('users').set({ staff_id: wang.id }).where('org_id', '=', orgId).where('email', '=', 'doctor@demo.verity.local').where('staff_id', 'is', null).execute();

  // Survey answers on each doctor's own QR link, up to the targets, within the last 60 days.
  const survey = await db.selectFrom('surveys').select('id').where('org_id', '=', orgId).where('template', '=', 'outpatient').where('status', '=', 'active').executeTakeFirst();
  let responses = 0;
  if (survey) {
    const since = new Date(anchor.getTime() - 89 * DAY_MS);
    const answered = await db
      .selectFrom('survey_responses')
      .select(['staff_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('org_id', '=', orgId)
      .where('status', '=', 'submitted')
      .where('submitted_at', '>=', since)
      .where('staff_id', 'is not', null)
      .groupBy('staff_id')
      .execute();
    const countOf = (id: string) => Number(answered.find((a) => a.staff_id === id)?.n ?? 0);
    const few = staff.find((s) => !RANKED.some((r) => r.name === s.name) && !/nurse|护士/i.test(s.title) && countOf(s.id) === 0);
    const targets = [...RANKED.map((r) => ({ ...r, target: RANKED_TARGET })), ...(few ? [{ name: few.name, happy: 0.7, target: FEW_ANSWERS }] : [])];
    for (const t of targets) {
      const member = staff.find((s) => s.name === t.name);
      if (!member) continue;
      const missing = t.target - countOf(member.id);
      if (missing <= 0) continue;
      const { token: linkToken } = await createSurveyLink(db, { orgId, surveyId: survey.id, scope: 'staff', staffId: member.id });
      const found = await findPublicLink(db, linkToken);
      if (!found) continue;
      const definition = await surveyDefinition(db, orgId, found.link.surveyId, found.link.version);
      if (!definition) continue;
      for (let i = 0; i < missing; i++) {
        const roll = rnd();
        const band: Band = roll < t.happy ? 'high' : roll < t.happy + (1 - t.happy) / 2 ? 'neutral' : 'low';
        const answers: Answers = {};
        for (const q of definition.pages.flatMap((p) => p.questions)) {
          const a = answerFor(q, band, rnd);
          if (a !== undefined) answers[q.id] = a;
        }
        const token = randomBytes(18).toString('base64url');
        const locale: Locale = rnd() < 0.85 ? 'zh-CN' : 'ru';
        const result = await submitResponse(ctx, { link: found.link, definition, version: found.link.version, token, locale, answers, cleared: [], contact: null, fresh: true });
        if (!result.created) continue;
        responses++;
        const at = new Date(anchor.getTime() - (1 + Math.floor(rnd() * 58)) * DAY_MS - (2 + Math.floor(rnd() * 8)) * 3_600_000);
        await backdateResponse(db, token, at);
      }
    }
  }
  return { indicators: rows.length, visits, responses };
}
