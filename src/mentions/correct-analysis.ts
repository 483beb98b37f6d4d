import { recordAudit, type AuditBy } from '../audit/index.ts';
import { RISKS, SENTIMENT_LABELS, type SentimentLabel } from '../analysis/analysis.vocab.ts';
import { isFirmStaffMatch } from '../analysis/index.ts';
import { badRequest, notFound } from '../core/errors.ts';
import { viewerSees, type Viewer } from '../core/viewer.ts';
import type { Db } from '../db/database.ts';
import { mentionsMessages } from './mentions.messages.ts';
import type { CorrectionKind } from './mentions.vocab.ts';

/** The parts of a stored analysis a correction touches (the rest is kept as it is). */
export interface CorrectableAnalysis {
  sentiment: { label: SentimentLabel; score: number; confidence: number; corrected?: boolean; engine?: { label: SentimentLabel; score: number; confidence: number } };
  staff: { id: string; span: [number, number]; confidence: number; candidates?: string[]; corrected?: boolean }[];
  risks: { risk: string; span: [number, number]; cue: string; confidence: number; dismissed?: boolean; corrected?: boolean; corrections?: number }[];
}

/** One stored correction, as the analysis applies it. */
export interface Correction {
  kind: CorrectionKind;
  value: string;
  /** staff_remove: the engine's staff entry it removed (restored by undo). */
  previous?: unknown;
}

/** The score a corrected label stands for when it differs from the engine's (the inbox sorts "most negative first" by it). */
const LABEL_SCORE: Record<SentimentLabel, number> = { positive: 1, neutral: 0, mixed: -0.25, negative: -1 };

/**
 * Applies a mention's corrections to an analysis, the engine's or an already corrected one (pure,
 * idempotent): a sentiment correction replaces the label (confidence 1) and keeps the engine's
 * reading under `sentiment.engine` so undo can restore it; staff_add adds a link marked
 * `corrected`, staff_remove drops the engine's link; risk_add adds the risk marked `corrected`.
 * analysePending calls it after every re-analysis, so people's corrections win over the engine.
 */
export function applyCorrections<A extends CorrectableAnalysis>(analysis: A, corrections: readonly Correction[]): A {
  let sentiment = analysis.sentiment;
  let staff = analysis.staff;
  let risks = analysis.risks;
  for (const c of corrections) {
    if (c.kind === 'sentiment') {
      const engine = sentiment.engine ?? { label: sentiment.label, score: sentiment.score, confidence: sentiment.confidence };
      const label = c.value as SentimentLabel;
      sentiment = { label, score: label === engine.label ? engine.score : LABEL_SCORE[label], confidence: 1, corrected: true, engine };
    } else if (c.kind === 'staff_add') {
      if (!staff.some((s) => s.id === c.value)) staff = [...staff, { id: c.value, span: [0, 0], confidence: 1, corrected: true }];
    } else if (c.kind === 'staff_remove') {
      staff = staff.filter((s) => s.id !== c.value);
    } else if (!risks.some((r) => r.risk === c.value && !r.dismissed)) {
      risks = [...risks, { risk: c.value, span: [0, 0], cue: '', confidence: 1, corrected: true }];
    }
  }
  return { ...analysis, sentiment, staff, risks };
}

/** Takes one correction back out of a corrected analysis: the engine's reading returns (pure). */
export function undoCorrection<A extends CorrectableAnalysis>(analysis: A, c: Correction): A {
  if (c.kind === 'sentiment') {
    const engine = analysis.sentiment.engine;
    return engine ? { ...analysis, sentiment: { ...engine } } : analysis;
  }
  if (c.kind === 'staff_add') return { ...analysis, staff: analysis.staff.filter((s) => !(s.id === c.value && s.corrected)) };
  if (c.kind === 'staff_remove') {
    const previous = c.previous as CorrectableAnalysis['staff'][number] | null | undefined;
    return previous && !analysis.staff.some((s) => s.id === c.value) ? { ...analysis, staff: [...analysis.staff, previous] } : analysis;
  }
  return { ...analysis, risks: analysis.risks.filter((r) => !(r.risk === c.value && r.corrected)) };
}

/** The filter columns a (corrected) analysis sets on its mention. */
export function correctedColumns(a: CorrectableAnalysis): { sentiment: SentimentLabel; staff_ids: string[]; risks: string[] } {
  // An ambiguous name (two Dr Wangs, each a candidate) is shown but is not an attribution: only a
  // firm match or a person's link enters staff_ids, which the staff filter and scorecards count.
  return {
    sentiment: a.sentiment.label,
    staff_ids: [...new Set(a.staff.filter((s) => s.corrected || isFirmStaffMatch(s)).map((s) => s.id))],
    risks: [...new Set(a.risks.filter((r) => !r.dismissed).map((r) => r.risk))],
  };
}

/** The corrections of the given mentions, oldest first, by mention id. */
export async function findCorrections(db: Db, orgId: string, mentionIds: readonly string[]): Promise<Map<string, Correction[]>> {
  const byMention = new Map<string, Correction[]>();
  if (mentionIds.length === 0) return byMention;
  const rows = await db
    .selectFrom('mention_corrections')
    .select(['mention_id', 'kind', 'value', 'previous'])
    .where('org_id', '=', orgId)
    .where('mention_id', 'in', mentionIds)
    .orderBy('corrected_at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = byMention.get(r.mention_id) ?? [];
    list.push({ kind: r.kind, value: r.value, previous: r.previous });
    byMention.set(r.mention_id, list);
  }
  return byMention;
}

export interface CorrectionInput {
  kind: CorrectionKind;
  value: string;
}

async function lockMention(trx: Db, viewer: Viewer, mentionId: string) {
  const m = await trx
    .selectFrom('mentions')
    .select(['id', 'department_id', 'analysis', 'sentiment', 'staff_ids', 'risks'])
    .where('id', '=', mentionId)
    .where('org_id', '=', viewer.orgId)
    .forUpdate()
    .executeTakeFirst();
  if (!m || !viewerSees(viewer, m.department_id)) throw notFound('mention');
  if (!m.analysis) throw badRequest(mentionsMessages.text('notAnalysedYet'));
  return { ...m, analysis: m.analysis as CorrectableAnalysis };
}

async function writeAnalysis(trx: Db, mentionId: string, analysis: CorrectableAnalysis): Promise<void> {
  const columns = correctedColumns(analysis);
  await trx
    .updateTable('mentions')
    .set({ analysis: JSON.stringify(analysis), sentiment: columns.sentiment, staff_ids: columns.staff_ids, risks: columns.risks })
    .where('id', '=', mentionId)
    .execute();
}

const readingOf = (a: CorrectableAnalysis) => ({ sentiment: a.sentiment.label, staff: a.staff.map((s) => s.id), risks: a.risks.filter((r) => !r.dismissed).map((r) => r.risk) });

/**
 * A person corrects a mention's analysis: the sentiment (one row per mention, a later one replaces
 * it), a staff link added or removed (a staff member of the organisation inside the viewer's
 * departments), or a risk the engine missed. Stores the correction, applies it to the mention's
 * analysis and filter columns, and audits `mention.corrected` (before/after), in one transaction.
 * Throws not_found for a mention the viewer may not see; bad_request naming the field otherwise.
 */
export async function correctAnalysis(db: Db, viewer: Viewer, by: AuditBy, mentionId: string, input: CorrectionInput): Promise<{ correctionId: string }> {
  return db.transaction().execute(async (trx) => {
    const m = await lockMention(trx, viewer, mentionId);
    const { kind, value } = input;
    let previous: unknown = null;
    if (kind === 'sentiment') {
      if (!(SENTIMENT_LABELS as readonly string[]).includes(value)) throw badRequest(mentionsMessages.text('badSentiment', { value, known: SENTIMENT_LABELS.join(', ') }));
      const engine = m.analysis.sentiment.engine ?? m.analysis.sentiment;
      previous = { label: engine.label, score: engine.score, confidence: engine.confidence };
    } else if (kind === 'risk_add') {
      if (!(RISKS as readonly string[]).includes(value)) throw badRequest(mentionsMessages.text('badRisk', { value, known: RISKS.join(', ') }));
      if (m.analysis.risks.some((r) => r.risk === value && !r.dismissed)) throw badRequest(mentionsMessages.text('riskPresent', { value }));
    } else {
      const staff = /^[0-9a-f-]{36}$/i.test(value)
        ? await trx.selectFrom('staff').select(['id', 'department_id']).where('org_id', '=', viewer.orgId).where('id', '=', value).executeTakeFirst()
        : undefined;
      if (!staff) throw badRequest(mentionsMessages.text('unknownStaff', { value }));
      if (staff.department_id !== null && !viewerSees(viewer, staff.department_id)) throw badRequest(mentionsMessages.text('staffOutside', { value }));
      const linked = m.analysis.staff.find((s) => s.id === value);
      if (kind === 'staff_add' && linked) throw badRequest(mentionsMessages.text('staffLinked', { value }));
      if (kind === 'staff_remove') {
        if (!linked) throw badRequest(mentionsMessages.text('staffNotLinked', { value }));
        if (linked.corrected) throw badRequest(mentionsMessages.text('staffAddedByCorrection', { value }));
        previous = linked;
      }
    }
    const before = readingOf(m.analysis);
    let row: { id: string };
    if (kind === 'sentiment') {
      row = await trx
        .insertInto('mention_corrections')
        .values({ org_id: viewer.orgId, mention_id: m.id, kind, value, previous: JSON.stringify(previous), corrected_by: by.userId })
        .onConflict((oc) => oc.column('mention_id').where('kind', '=', 'sentiment').doUpdateSet({ value, corrected_by: by.userId, corrected_at: new Date() }))
        .returning('id')
        .executeTakeFirstOrThrow();
    } else {
      row = await trx
        .insertInto('mention_corrections')
        .values({ org_id: viewer.orgId, mention_id: m.id, kind, value, previous: previous === null ? null : JSON.stringify(previous), corrected_by: by.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
    }
    const analysis = applyCorrections(m.analysis, [{ kind, value }]);
    await writeAnalysis(trx, m.id, analysis);
    await recordAudit(trx, { ...by, action: 'mention.corrected', targetType: 'mention', targetId: m.id, details: { kind, value, before, after: readingOf(analysis) } });
    return { correctionId: row.id };
  });
}

/**
 * Takes a correction back: deletes it, restores the engine's reading for what it changed (the other
 * corrections stay applied), and audits `mention.correction_undone`, in one transaction. Throws
 * not_found for a mention the viewer may not see or a correction that is not this mention's.
 */
export async function undoAnalysisCorrection(db: Db, viewer: Viewer, by: AuditBy, mentionId: string, correctionId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const m = await lockMention(trx, viewer, mentionId);
    const c = await trx
      .deleteFrom('mention_corrections')
      .where('id', '=', correctionId)
      .where('mention_id', '=', m.id)
      .where('org_id', '=', viewer.orgId)
      .returning(['kind', 'value', 'previous'])
      .executeTakeFirst();
    if (!c) throw notFound('correction');
    const analysis = undoCorrection(m.analysis, c);
    await writeAnalysis(trx, m.id, analysis);
    await recordAudit(trx, {
      ...by,
      action: 'mention.correction_undone',
      targetType: 'mention',
      targetId: m.id,
      details: { kind: c.kind, value: c.value, before: readingOf(m.analysis), after: readingOf(analysis) },
    });
  });
}

/** The corrections shown on a mention: what, by whom, when. */
export async function listCorrections(db: Db, orgId: string, mentionId: string) {
  return db
    .selectFrom('mention_corrections as c')
    .leftJoin('users as u', 'u.id', 'c.corrected_by')
    .select(['c.id', 'c.kind', 'c.value', 'c.corrected_at as correctedAt', 'u.name as correctedBy'])
    .where('c.org_id', '=', orgId)
    .where('c.mention_id', '=', mentionId)
    .orderBy('c.corrected_at')
    .orderBy('c.id')
    .execute();
}
