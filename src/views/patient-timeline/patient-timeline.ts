import { sql, type SqlBool } from 'kysely';
import { analysisMessages } from '../../analysis/analysis.messages.ts';
import { AppError } from '../../core/errors.ts';
import { hasMessage, renderText, type Locale, type Text } from '../../core/i18n.ts';
import { scopeToViewer, type Viewer } from '../../core/viewer.ts';
import type { Db } from '../../db/database.ts';
import { followupTimeline } from '../../followups/index.ts';
import { DEFAULT_CONTACT_WINDOW_DAYS } from '../../outreach/outreach.vocab.ts';
import type { ScoreBand } from '../../surveys/surveys.vocab.ts';
import { patientTimelineMessages as msg } from './patient-timeline.messages.ts';

export interface TimelineEntry {
  at: Date;
  kind: string;
  title: string;
  detail: string | null;
  ref: { type: string; id: string } | null;
  band: ScoreBand | null;
  sentiment: string | null;
  cases: { id: string; number: number; title: string }[];
}

const joinWords = (parts: (string | null | undefined)[]) => parts.filter((p): p is string => !!p && p.trim() !== '').join(' · ') || null;

/**
 * A patient's one timeline of care and reputation, newest first: visits, invitations (sent,
 * skipped with the reason), submitted survey answers with their score and band, the mentions they
 * became (sentiment, the cases they are in) and the follow-up events, in the viewer's language.
 * A department head or staff member sees a patient who has a visit or an answer in one of their
 * departments or a follow-up enrolment there, and of that patient the rows of their departments
 * (the follow-up events when one of the patient's enrolments is theirs). Another organisation's patient, or one the viewer may not see, is not found.
 */
export async function patientTimeline(db: Db, viewer: Viewer, patientId: string, locale: Locale): Promise<{ patientId: string; items: TimelineEntry[] }> {
  const orgId = viewer.orgId;
  const patient = await db.selectFrom('patients').select('id').where('id', '=', patientId).where('org_id', '=', orgId).executeTakeFirst();
  if (!patient) throw new AppError('not_found', msg.text('patientNotFound'));
  // Follow-ups are enrolled per department: a department-scoped viewer sees a patient's follow-up
  // events when one of the patient's enrolments is in their departments.
  const followedHere = db.selectFrom('followup_enrolments as e').select('e.id').where('e.org_id', '=', orgId).where('e.patient_id', '=', patientId).where(scopeToViewer('e.department_id', viewer));
  let showFollowups = true;
  if (viewer.departmentIds) {
    const seen = await db
      .selectFrom('visits as v')
      .select('v.id')
      .where('v.org_id', '=', orgId)
      .where('v.patient_id', '=', patientId)
      .where(scopeToViewer('v.department_id', viewer))
      .union(db.selectFrom('survey_responses as r').select('r.id').where('r.org_id', '=', orgId).where('r.patient_id', '=', patientId).where(scopeToViewer('r.department_id', viewer)))
      .union(followedHere)
      .executeTakeFirst();
    if (!seen) throw new AppError('not_found', msg.text('patientNotFound'));
    showFollowups = (await followedHere.executeTakeFirst()) !== undefined;
  }
  const render = (t: Text) => renderText(locale, t);
  const items: TimelineEntry[] = [];
  const entry = (e: Partial<TimelineEntry> & Pick<TimelineEntry, 'at' | 'kind' | 'title'>): TimelineEntry => ({ detail: null, ref: null, band: null, sentiment: null, cases: [], ...e });

  const visits = await db
    .selectFrom('visits as v')
    .leftJoin('departments as d', (j) => j.onRef('d.id', '=', 'v.department_id').on('d.org_id', '=', orgId))
    .leftJoin('locations as l', (j) => j.onRef('l.id', '=', 'v.location_id').on('l.org_id', '=', orgId))
    .leftJoin('staff as s', (j) => j.onRef('s.id', '=', 'v.staff_id').on('s.org_id', '=', orgId))
    .select(['v.id', 'v.kind', 'v.external_id', 'v.started_at', 'v.ended_at', 'v.created_at', 'd.name as department', 'l.name as location', 's.name as staff'])
    .where('v.org_id', '=', orgId)
    .where('v.patient_id', '=', patientId)
    .where(scopeToViewer('v.department_id', viewer))
    .execute();
  for (const v of visits)
    items.push(
      entry({
        at: v.ended_at ?? v.started_at ?? v.created_at,
        kind: 'visit',
        title: render(msg.text(`visit.${v.kind}`)),
        detail: joinWords([v.location, v.department, v.staff]),
        ref: { type: 'visit', id: v.id },
      }),
    );

  const invitations = await db
    .selectFrom('survey_invitations as i')
    .leftJoin('visits as v', (j) => j.onRef('v.id', '=', 'i.visit_id').on('v.org_id', '=', orgId))
    .leftJoin('surveys as s', (j) => j.onRef('s.id', '=', 'i.survey_id').on('s.org_id', '=', orgId))
    .select(['i.id', 'i.kind', 'i.channel', 'i.status', 'i.skip_reason', 'i.error', 'i.scheduled_for', 'i.sent_at', 's.name as survey'])
    .where('i.org_id', '=', orgId)
    .where('i.patient_id', '=', patientId)
    .where(viewer.departmentIds ? scopeToViewer('v.department_id', viewer) : sql<SqlBool>`true`)
    .execute();
  let windowDays: number | undefined;
  for (const i of invitations) {
    let reason: string | null = null;
    if (i.status === 'skipped' && i.skip_reason) {
      const code = `outreach.skip.${i.skip_reason}`;
      if (hasMessage(code)) {
        windowDays ??= await contactWindowDays(db, orgId);
        reason = render({ code, params: { days: windowDays } });
      } else reason = i.skip_reason;
    }
    // When it went out, else when it was due (a skip or failure is decided when it is due).
    const at = i.sent_at ?? i.scheduled_for;
    const channel = msg.text(`channel.${i.channel}`);
    items.push(
      entry({
        at,
        kind: `invitation.${i.status}`,
        title: render(msg.text(`invitation.${i.kind}.${i.status}`, { channel })),
        detail: joinWords([i.survey, reason, i.status === 'failed' ? i.error : null]),
        ref: { type: 'invitation', id: i.id },
      }),
    );
  }

  const responses = await db
    .selectFrom('survey_responses as r')
    .innerJoin('surveys as s', 's.id', 'r.survey_id')
    .leftJoin('mentions as m', (j) => j.onRef('m.id', '=', 'r.mention_id').on('m.org_id', '=', orgId))
    .select(['r.id', 'r.nps', 'r.csat', 'r.fft', 'r.score_band', 'r.submitted_at', 's.name as survey', 'm.id as mentionId', 'm.sentiment', 'm.analysed_at', 'm.received_at', 'm.text as mentionText'])
    .where('r.org_id', '=', orgId)
    .where('s.org_id', '=', orgId)
    .where('r.patient_id', '=', patientId)
    .where('r.status', '=', 'submitted')
    .where(scopeToViewer('r.department_id', viewer))
    .execute();
  const mentionIds = responses.map((r) => r.mentionId).filter((id): id is string => id !== null);
  const cases = mentionIds.length
    ? await db
        .selectFrom('case_mentions as cm')
        .innerJoin('cases as c', 'c.id', 'cm.case_id')
        .select(['cm.mention_id', 'c.id', 'c.number', 'c.title'])
        .where('c.org_id', '=', orgId)
        .where('cm.mention_id', 'in', mentionIds)
        .orderBy('c.number')
        .execute()
    : [];
  for (const r of responses) {
    const scores = [
      r.nps !== null ? render(msg.text('score.nps', { score: r.nps })) : null,
      r.csat !== null ? render(msg.text('score.csat', { score: r.csat })) : null,
      r.fft !== null ? render(msg.text('score.fft', { score: r.fft })) : null,
    ];
    items.push(
      entry({
        at: r.submitted_at ?? new Date(0),
        kind: 'response',
        title: render(msg.text('response', { survey: r.survey })),
        detail: joinWords([...scores, render(msg.text(`band.${r.score_band}`))]),
        ref: { type: 'response', id: r.id },
        band: r.score_band,
      }),
    );
    if (r.mentionId) {
      const sentiment = r.sentiment ? render(analysisMessages.text(`sentiment.${r.sentiment}`)) : render(msg.text('mention.unanalysed'));
      const text = r.mentionText ?? '';
      const excerpt = text.length > 140 ? `${text.slice(0, 139)}…` : text;
      items.push(
        entry({
          at: r.received_at ?? r.submitted_at ?? new Date(0),
          kind: 'mention',
          title: render(msg.text('mention')),
          detail: joinWords([sentiment, excerpt]),
          ref: { type: 'mention', id: r.mentionId },
          sentiment: r.sentiment,
          cases: cases.filter((c) => c.mention_id === r.mentionId).map((c) => ({ id: c.id, number: c.number, title: c.title })),
        }),
      );
    }
  }

  if (showFollowups)
    for (const f of await followupTimeline(db, orgId, patientId))
      items.push(entry({ at: f.at, kind: f.kind.startsWith('followup.') ? f.kind : `followup.${f.kind}`, title: render(f.text), ref: f.ref }));

  items.sort((a, b) => b.at.getTime() - a.at.getTime());
  return { patientId, items };
}

/** The organisation's contact window, for the words of a `contact_window` skip. */
async function contactWindowDays(db: Db, orgId: string): Promise<number> {
  const row = await db.selectFrom('outreach_settings').select('contact_window_days').where('org_id', '=', orgId).executeTakeFirst();
  return row?.contact_window_days ?? DEFAULT_CONTACT_WINDOW_DAYS;
}
