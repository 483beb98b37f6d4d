import { sql } from 'kysely';
import type { AppContext } from '../core/context.ts';
import type { EventPayload } from '../core/events.ts';
import { wholeOrganisation } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { reopenLocked } from './case-workflow.ts';
import { recordCaseEvent, SYSTEM_ACTOR } from './cases.queries.ts';
import { MAJOR_CASE_RISKS } from './cases.vocab.ts';
import { createCase } from './create-case.ts';
import { auditCase } from './case-audit.ts';
import { mentionLabel } from './link-mention.ts';

export { MAJOR_CASE_RISKS };

const isMajorRisk = (risk: string) => (MAJOR_CASE_RISKS as readonly string[]).includes(risk);

/** A near-duplicate joins a case whose mention is at most this many days apart from it. */
export const NEAR_DUPLICATE_DAYS = 14;
/** Jaccard similarity of character 4-shingles from which two texts are one text (reposted, copied, lightly edited). */
export const NEAR_DUPLICATE_JACCARD = 0.7;
/** Two news items with the same title, or texts this similar, are syndicated copies of one item. */
export const SYNDICATED_JACCARD = 0.5;
/** Texts shorter than this (letters and digits) are never near-duplicates by text alone. */
const MIN_CHARS = 24;
/** How many recent mentions of open cases are compared with each new one. */
const CANDIDATE_LIMIT = 1000;

/** The evidence stored on a mention flagged "to review": a major risk below the Major threshold. */
export interface ReviewEvidence {
  risk: string;
  span: [number, number];
  cue: string;
  confidence: number;
}

interface RiskHit {
  risk: string;
  span: [number, number];
  cue?: string;
  confidence?: number;
  dismissed?: boolean;
}

/** Lower case, letters and digits only (whitespace and punctuation say nothing about sameness). */
function normalised(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/https?:\/\/\S+/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Character 4-shingles of the normalised text (language-independent: works for Chinese as for Russian). */
export function shingles(text: string): Set<string> {
  const s = normalised(text);
  const out = new Set<string>();
  if (s.length < 4) {
    if (s) out.add(s);
    return out;
  }
  for (let i = 0; i + 4 <= s.length; i++) out.add(s.slice(i, i + 4));
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const x of small) if (large.has(x)) common++;
  return common / (a.size + b.size - common);
}

interface Candidate {
  case_id: string;
  case_number: number;
  mention_id: string;
  department_id: string | null;
  kind: string;
  title: string | null;
  text: string;
}

/**
 * The open case holding a near-duplicate of the mention (same organisation, within
 * NEAR_DUPLICATE_DAYS), or a syndicated copy of the same news item; null when there is none.
 */
async function findDuplicateCase(
  trx: Db,
  cache: Map<string, Set<string>>,
  m: { id: string; org_id: string; department_id: string | null; kind: string; title: string | null; text: string; at: Date },
): Promise<{ caseId: string; caseNumber: number; reason: 'near_duplicate' | 'syndicated'; similarity: number; mentionId: string } | null> {
  const days = `${NEAR_DUPLICATE_DAYS} days`;
  const rows = await sql<Candidate>`
    SELECT c.id AS case_id, c.number AS case_number, pm.id AS mention_id, pm.department_id, pm.kind, pm.title, pm.text
    FROM case_mentions cm
    JOIN cases c ON c.id = cm.case_id
    JOIN mentions pm ON pm.id = cm.mention_id
    WHERE c.org_id = ${m.org_id} AND c.status <> 'closed' AND pm.org_id = ${m.org_id} AND pm.id <> ${m.id}
      AND coalesce(pm.published_at, pm.received_at) BETWEEN ${m.at}::timestamptz - ${days}::interval AND ${m.at}::timestamptz + ${days}::interval
    ORDER BY coalesce(pm.published_at, pm.received_at) DESC
    LIMIT ${CANDIDATE_LIMIT}
  `.execute(trx);
  if (rows.rows.length === 0) return null;
  // A few words ("Great!", "Long wait") are not one incident however alike they are.
  if (normalised(m.text).length < MIN_CHARS && !m.title) return null;
  const own = shingles(`${m.title ?? ''} ${m.text}`);
  const ownTitle = m.title ? normalised(m.title) : '';
  let best: { row: Candidate; similarity: number; reason: 'near_duplicate' | 'syndicated' } | null = null;
  for (const row of rows.rows) {
    // Two departments named: two events, however alike the words.
    if (m.department_id && row.department_id && m.department_id !== row.department_id) continue;
    let theirs = cache.get(row.mention_id);
    if (!theirs) cache.set(row.mention_id, (theirs = shingles(`${row.title ?? ''} ${row.text}`)));
    const similarity = jaccard(own, theirs);
    const news = m.kind === 'news' && row.kind === 'news';
    const sameTitle = news && ownTitle.length >= 8 && row.title !== null && normalised(row.title) === ownTitle;
    const reason = similarity >= NEAR_DUPLICATE_JACCARD ? 'near_duplicate' : news && (sameTitle || similarity >= SYNDICATED_JACCARD) ? 'syndicated' : null;
    if (reason && (!best || similarity > best.similarity)) best = { row, similarity, reason: news && reason === 'near_duplicate' ? 'syndicated' : reason };
  }
  if (!best) return null;
  return { caseId: best.row.case_id, caseNumber: best.row.case_number, reason: best.reason, similarity: Math.round(best.similarity * 100) / 100, mentionId: best.row.mention_id };
}

/**
 * Links the mention to the case with a timeline entry saying why and an audit entry
 * (`case.mention_linked` by Verity). reason: `near_duplicate`, `syndicated` or `same_author` (cases.messages.ts `linkReason.*` names them).
 */
async function linkToCase(
  trx: Db,
  c: { id: string; number: number; org_id: string },
  mention: { id: string; text: string; author_handle: string | null },
  data: { reason: string; [key: string]: unknown },
): Promise<void> {
  const caseId = c.id;
  const mentionId = mention.id;
  await trx
    .insertInto('case_mentions')
    .values({ case_id: caseId, mention_id: mentionId })
    .onConflict((oc) => oc.columns(['case_id', 'mention_id']).doNothing())
    .execute();
  await trx.updateTable('mentions').set({ status: 'in_case', to_review: false }).where('id', '=', mentionId).execute();
  await recordCaseEvent(trx, caseId, SYSTEM_ACTOR, 'mention_added', { mentionId, ...data });
  await auditCase(trx, c.org_id, SYSTEM_ACTOR, 'case.mention_linked', c, { after: { mention: mentionLabel(mention) }, ...data });
}

/** The mention's major-risk hits that nobody dismissed; an analysis without confidences (older models) counts each hit as certain. */
function majorHits(analysis: unknown, columnRisks: string[] | null): { hits: Required<Omit<RiskHit, 'dismissed'>>[]; threshold: number } {
  const a = analysis as { risks?: RiskHit[]; riskThreshold?: number } | null;
  const threshold = a?.riskThreshold ?? 0.5;
  if (a?.risks) {
    const hits = a.risks.filter((r) => isMajorRisk(r.risk) && !r.dismissed).map((r) => ({ risk: r.risk, span: r.span, cue: r.cue ?? '', confidence: r.confidence ?? 1 }));
    return { hits, threshold };
  }
  return { hits: (columnRisks ?? []).filter(isMajorRisk).map((risk) => ({ risk, span: [0, 0] as [number, number], cue: '', confidence: 1 })), threshold };
}

/**
 * Why a mention that asked for a general case opened one: a survey answer (a low score), and
 * whether its respondent asked to be called back. The contact details stay on the response, which
 * staff allowed to see them read there.
 */
async function surveyReason(trx: Db, orgId: string, mentionId: string): Promise<Record<string, unknown>> {
  const response = await trx
    .selectFrom('survey_responses')
    .select(['id', 'contact_ok', 'contact_phone', 'contact_email'])
    .where('org_id', '=', orgId)
    .where('mention_id', '=', mentionId)
    .executeTakeFirst();
  if (!response) return { survey: true };
  const callback = response.contact_ok && Boolean(response.contact_phone || response.contact_email);
  return { survey: true, surveyResponseId: response.id, ...(callback ? { callbackRequested: true } : {}) };
}

/**
 * Reacts to newly analysed mentions (one incident, one case; Major only when earned):
 * 1. a mention in no open case that is a near-duplicate or a syndicated copy of a mention already
 *    in an open case joins that case (timeline `mention_added` with the reason);
 * 2. a major risk whose calibrated confidence reaches the risk model's threshold opens a Major case
 *    (once per mention; CASES' createCase assigns it);
 * 3. a weaker major-risk signal flags the mention "to review" with its evidence (risk, span, cue,
 *    confidence) instead; a risk a person dismissed ("Not a risk") flags nothing;
 *    a mention whose source asked for a general case (`case_request`, a low survey score) opens one
 *    general case (once per mention), reason `{ survey: true }` and whether a call back was asked;
 * 4. otherwise a mention from an author who already has a case (same source and handle) joins that
 *    case, reopening it when closed.
 * Idempotent: each mention is locked while it is looked at, and one already in an open case is
 * left alone. Returns the ids of the cases it opened or touched.
 */
export async function openCasesForMentions(ctx: Pick<AppContext, 'db' | 'boss'>, event: EventPayload<'mentions.analysed'>): Promise<string[]> {
  const touched: string[] = [];
  // Shingles of the open cases' mentions, computed once per event (a batch compares with the same candidates).
  const shingleCache = new Map<string, Set<string>>();
  for (const mentionId of event.mentionIds) {
    const caseId = await ctx.db.transaction().execute(async (trx) => {
      const m = await trx
        .selectFrom('mentions')
        .select(['id', 'org_id', 'source_id', 'department_id', 'author_handle', 'risks', 'analysis', 'kind', 'title', 'text', 'published_at', 'received_at', 'to_review', 'case_request'])
        .select((eb) => eb.selectFrom('sources as s').select('s.competitor').whereRef('s.id', '=', 'mentions.source_id').as('competitor'))
        .where('id', '=', mentionId)
        .where('org_id', '=', event.orgId)
        .forUpdate()
        .executeTakeFirst();
      // A competitor's mentions (the benchmark's) open no cases and wait for no review.
      if (!m || m.competitor) return null;
      const linked = await trx.selectFrom('case_mentions as cm').innerJoin('cases as c', 'c.id', 'cm.case_id').select(['c.id', 'c.status']).where('cm.mention_id', '=', m.id).execute();
      if (linked.some((c) => c.status !== 'closed')) return null;
      const { hits, threshold } = majorHits(m.analysis, m.risks);
      const strong = hits.filter((h) => h.confidence >= threshold);
      const weak = hits.filter((h) => h.confidence < threshold).map((h): ReviewEvidence => ({ risk: h.risk, span: h.span, cue: h.cue, confidence: h.confidence }));
      const viewer = wholeOrganisation(m.org_id);

      const duplicate = await findDuplicateCase(trx, shingleCache, { ...m, at: m.published_at ?? m.received_at });
      if (duplicate) {
        await linkToCase(trx, { id: duplicate.caseId, number: duplicate.caseNumber, org_id: m.org_id }, m, {
          reason: duplicate.reason,
          similarity: duplicate.similarity,
          duplicateOf: duplicate.mentionId,
        });
        return duplicate.caseId;
      }
      if (strong.length) {
        const auto = await trx.selectFrom('cases').select('id').where('origin_mention_id', '=', m.id).where('auto_opened', '=', true).executeTakeFirst();
        if (auto) return null;
        if (m.to_review) await trx.updateTable('mentions').set({ to_review: false, review: null }).where('id', '=', m.id).execute();
        const risks = strong.map((h) => h.risk);
        return createCase(trx, ctx.boss, { viewer, actor: SYSTEM_ACTOR, mentionIds: [m.id], tier: 'major', autoForMentionId: m.id, reason: { risks } });
      }
      if (weak.length || m.to_review) {
        await trx
          .updateTable('mentions')
          .set({ to_review: weak.length > 0, review: weak.length ? JSON.stringify(weak) : null })
          .where('id', '=', m.id)
          .execute();
      }
      if (m.case_request === 'general' && !linked.length) {
        const auto = await trx.selectFrom('cases').select('id').where('origin_mention_id', '=', m.id).where('auto_opened', '=', true).executeTakeFirst();
        if (auto) return null;
        return createCase(trx, ctx.boss, { viewer, actor: SYSTEM_ACTOR, mentionIds: [m.id], tier: 'general', autoForMentionId: m.id, reason: await surveyReason(trx, m.org_id, m.id) });
      }
      if (!m.author_handle || linked.length) return null;
      const previous = await trx
        .selectFrom('cases as c')
        .selectAll('c')
        .where('c.org_id', '=', m.org_id)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('case_mentions as cm')
              .innerJoin('mentions as pm', 'pm.id', 'cm.mention_id')
              .select('cm.mention_id')
              .whereRef('cm.case_id', '=', 'c.id')
              .where('pm.source_id', '=', m.source_id)
              .where('pm.author_handle', '=', m.author_handle!)
              .where('pm.id', '<>', m.id),
          ),
        )
        .orderBy(sql`(c.status <> 'closed')`, 'desc')
        .orderBy('c.opened_at', 'desc')
        .limit(1)
        .forUpdate()
        .executeTakeFirst();
      if (!previous) return null;
      await linkToCase(trx, previous, m, { reason: 'same_author' });
      // Only news reopens a case: a message written before the case closed (a late import, a
      // re-analysis) joins it as history.
      const writtenAt = m.published_at ?? m.received_at;
      if (previous.status === 'closed' && (!previous.closed_at || writtenAt > previous.closed_at))
        await reopenLocked(trx, ctx.boss, m.org_id, previous, SYSTEM_ACTOR, { reason: 'same_author', mentionId: m.id });
      return previous.id;
    });
    if (caseId) touched.push(caseId);
  }
  return touched;
}
