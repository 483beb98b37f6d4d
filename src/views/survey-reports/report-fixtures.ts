import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import type { ScoreBand } from '../../surveys/surveys.vocab.ts';

/*
 * Rows for the report tests, written straight into the tables the other parts write (the
 * migration 20261201T1300-patients-surveys is the contract), so the reports are tested on what
 * is stored whatever produces it.
 */

/** A definition with every scored type and one communication question (`comm`). */
export const REPORT_DEFINITION = {
  pages: [
    {
      questions: [
        { id: 'nps', type: 'nps', text: { en: 'How likely are you to recommend us?' }, required: true },
        { id: 'csat', type: 'csat', text: { en: 'How satisfied were you?' }, required: false },
        { id: 'fft', type: 'fft', text: { en: 'Overall, how was your experience of our service?' }, required: false },
        { id: 'comm', type: 'communication', text: { en: 'Your doctor…' }, required: false },
        // Shaped like a communication answer but a free text question: never averaged.
        { id: 'why', type: 'free_text', text: { en: 'Why?' }, required: false },
      ],
    },
  ],
};

export async function insertSurvey(db: Db, orgId: string, name = 'After your visit'): Promise<string> {
  const s = await db.insertInto('surveys').values({ org_id: orgId, name, status: 'active', current_version: 1 }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('survey_versions')
    .values({ survey_id: s.id, version: 1, definition: JSON.stringify(REPORT_DEFINITION) })
    .execute();
  return s.id;
}

export async function insertDepartment(db: Db, orgId: string, code: string, name: string): Promise<string> {
  return (await db.insertInto('departments').values({ org_id: orgId, code, name }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertStaff(db: Db, orgId: string, departmentId: string, name: string): Promise<string> {
  return (await db.insertInto('staff').values({ org_id: orgId, department_id: departmentId, name }).returning('id').executeTakeFirstOrThrow()).id;
}

export function bandOf(nps: number | null): ScoreBand {
  if (nps === null) return 'none';
  return nps <= 6 ? 'low' : nps <= 8 ? 'neutral' : 'high';
}

export interface ResponseRow {
  surveyId: string;
  submittedAt: string | null;
  nps?: number | null;
  csat?: number | null;
  fft?: number | null;
  band?: ScoreBand;
  answers?: Record<string, unknown>;
  departmentId?: string | null;
  staffId?: string | null;
  patientId?: string | null;
  visitId?: string | null;
  invitationId?: string | null;
  mentionId?: string | null;
  reviewLinksShown?: number;
  status?: 'draft' | 'submitted';
}

export async function insertResponse(db: Db, orgId: string, r: ResponseRow): Promise<string> {
  const nps = r.nps ?? null;
  const row = await db
    .insertInto('survey_responses')
    .values({
      org_id: orgId,
      survey_id: r.surveyId,
      version: 1,
      token: randomBytes(16).toString('base64url'),
      status: r.status ?? 'submitted',
      locale: 'en',
      answers: JSON.stringify(r.answers ?? { nps }),
      nps,
      csat: r.csat ?? null,
      fft: r.fft ?? null,
      score_band: r.band ?? bandOf(nps),
      department_id: r.departmentId ?? null,
      staff_id: r.staffId ?? null,
      patient_id: r.patientId ?? null,
      visit_id: r.visitId ?? null,
      invitation_id: r.invitationId ?? null,
      mention_id: r.mentionId ?? null,
      review_links_shown: r.reviewLinksShown ?? 0,
      submitted_at: r.submittedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (r.invitationId) await db.updateTable('survey_invitations').set({ response_id: row.id }).where('id', '=', r.invitationId).execute();
  return row.id;
}
