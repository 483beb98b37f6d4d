import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import type { Locale } from '../../core/i18n.ts';
import type { Db } from '../../db/database.ts';
import { getOrCreateSource, recordRun } from '../../ingest/index.ts';
import { BUILT_IN_SOURCES } from '../../ingest/ingest.vocab.ts';
import type { Answers, SurveyDefinitionType } from '../survey-definition.ts';
import { mentionText, scoresOf, type Contact } from './answers.ts';
import { findResponse, type PublicLink } from './public-survey.queries.ts';

/** The built-in source every survey answer arrives through (kind `survey`; people cannot create one). */
export const SURVEY_SOURCE_NAME = BUILT_IN_SOURCES.survey;

export interface Submission {
  link: PublicLink;
  definition: SurveyDefinitionType;
  /** The version the answers are to (the draft's, else the survey's current one). */
  version: number;
  token: string;
  locale: Locale;
  /** The last page's answers, merged over the draft's. */
  answers: Answers;
  cleared: string[];
  /** The last page's contact consent when it had one; else the draft's stands. */
  contact: Contact | null;
  /** The page found no response with this token (the first post of a one-page survey): it is inserted without reading first. */
  fresh?: boolean;
}

export interface Submitted {
  /** false when the token had been submitted before (a resent form, a second tab): nothing new was stored. */
  created: boolean;
  /** The token is another link's response (a form copied across links): nothing was stored; submit again with a new token. */
  foreign?: boolean;
  reviewLinks: { label: string; url: string }[];
}

const sourceIds = new Map<string, string>();

/** The organisation's survey source (kept once known: it is never deleted while answers point at it). */
async function surveySource(db: Db, orgId: string): Promise<string> {
  const known = sourceIds.get(orgId);
  if (known) return known;
  const { id } = await getOrCreateSource(db, orgId, SURVEY_SOURCE_NAME, 'survey', 'verity_survey');
  sourceIds.set(orgId, id);
  return id;
}

/** Whether a database error is the one-submitted-response-per-visit-link index refusing a second one. */
export function isVisitAnsweredConflict(error: unknown): boolean {
  const e = error as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && (e.constraint === 'survey_responses_visit_once_idx' || String(e.message).includes('survey_responses_visit_once_idx'));
}

/**
 * Submits a response exactly once, in one transaction: the response row (locked, or inserted as
 * submitted), its scores and band, the contact details only when consented, one mention through
 * the ingest path (source kind `survey`, kind `survey_text`, asking for a general case when the
 * band is low), the invitation it answers, and how many review links the thank-you page shows.
 * A token already submitted stores nothing and answers `created: false`; a visit link's second
 * response is refused by a unique index (the caller shows the thank-you page).
 */
export async function submitResponse(ctx: { db: Db; boss: PgBoss | null }, s: Submission): Promise<Submitted> {
  const { link } = s;
  const sourceId = await surveySource(ctx.db, link.orgId);
  return ctx.db.transaction().execute(async (trx) => {
    const links = link.reviewLinks;
    // A token the page saw no response for is inserted straight away; only a conflict reads the row.
    let existing = s.fresh ? null : await findResponse(trx, link, s.token, true);
    const now = new Date();
    let responseId: string | null = null;
    let answers: Answers = {};
    let scores = scoresOf(s.definition, {});
    while (responseId === null) {
      if (existing?.status === 'submitted') return { created: false, reviewLinks: links };
      answers = { ...(existing?.answers ?? {}) };
      for (const id of s.cleared) delete answers[id];
      Object.assign(answers, s.answers);
      const contact = s.contact ?? existing?.contact ?? { ok: false, name: null, phone: null, email: null };
      const consented = contact.ok && Boolean(contact.phone || contact.email);
      scores = scoresOf(s.definition, answers);
      const fields = {
        status: 'submitted' as const,
        locale: s.locale,
        answers: JSON.stringify(answers),
        nps: scores.nps,
        csat: scores.csat,
        fft: scores.fft,
        score_band: scores.band,
        contact_ok: consented,
        contact_name: consented ? contact.name : null,
        contact_phone: consented ? contact.phone : null,
        contact_email: consented ? contact.email : null,
        review_links_shown: links.length,
        submitted_at: now,
      };
      if (existing) {
        await trx.updateTable('survey_responses').set(fields).where('id', '=', existing.id).where('status', '=', 'draft').execute();
        responseId = existing.id;
        break;
      }
      const inserted = await trx
        .insertInto('survey_responses')
        .values({
          id: randomUUID(),
          org_id: link.orgId,
          survey_id: link.surveyId,
          version: s.version,
          link_id: link.id,
          patient_id: link.patientId,
          visit_id: link.visitId,
          location_id: link.locationId,
          department_id: link.departmentId,
          staff_id: link.staffId,
          token: s.token,
          started_at: now,
          ...fields,
        })
        .onConflict((oc) => oc.column('token').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        responseId = inserted.id;
        break;
      }
      // The same token written meanwhile by a concurrent post (a double click, a second tab, a Next
      // in another tab): wait for it and take it as it is now; another link's token is no response here.
      existing = await findResponse(trx, link, s.token, true);
      if (!existing) return { created: false, foreign: true, reviewLinks: links };
    }
    const { text, written } = mentionText(s.definition, answers, scores, s.locale);
    const h = scores.headline;
    const mentionId = await recordRun({ db: trx, boss: ctx.boss }, { orgId: link.orgId, sourceId, channel: 'survey', locationId: link.locationId, departmentId: link.departmentId }, async (run) => {
      const result = await run.ingest([
        {
          externalId: `survey-response:${responseId}`,
          kind: 'survey_text',
          text,
          lang: written ? null : s.locale === 'zh-CN' ? 'zh' : s.locale,
          ratingRaw: h ? h.score : null,
          ratingScale: h ? (h.type === 'nps' ? 10 : 5) : null,
          publishedAt: now,
          caseRequest: scores.band === 'low' ? 'general' : null,
        },
      ]);
      return result.ids[0] ?? null;
    });
    // The invitation this visit's link was sent with (if any) and the response point at each other.
    const invitation = link.visitId
      ? await trx
          .updateTable('survey_invitations')
          .set({ response_id: responseId })
          .where('org_id', '=', link.orgId)
          .where('link_id', '=', link.id)
          .where('response_id', 'is', null)
          .returning('id')
          .executeTakeFirst()
      : undefined;
    await trx
      .updateTable('survey_responses')
      .set({ mention_id: mentionId, ...(invitation ? { invitation_id: invitation.id } : {}) })
      .where('id', '=', responseId)
      .execute();
    return { created: true, reviewLinks: links };
  });
}
