import { sql } from 'kysely';
import { createAnalyser, type Analysis, type Analyser, type RosterMember } from '../analysis/index.ts';
import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import { publish } from '../core/events.ts';
import { findRiskCorrections } from './dismiss-risk.ts';
import { applyCorrections, correctedColumns, findCorrections } from './correct-analysis.ts';

export const ANALYSIS_BATCH_SIZE = 500;

interface OrgAnalyser {
  signature: string;
  analyser: Analyser;
  /** The organisation's "not a risk" corrections; `mentions` is refilled for each batch. */
  corrections: { cues: Map<string, number>; mentions: Set<string> };
}
const analysers = new Map<string, OrgAnalyser>();

/**
 * The organisation's analyser, rebuilt only when its staff roster (staff matching depends on it) or
 * its "not a risk" corrections per risk and cue changed.
 */
async function analyserFor(db: Db, orgId: string): Promise<OrgAnalyser> {
  const staff = await db.selectFrom('staff').select(['id', 'name', 'aliases', 'title', 'department_id']).where('org_id', '=', orgId).orderBy('id').execute();
  const roster: RosterMember[] = staff.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases, title: s.title || null, department: s.department_id }));
  const { cues } = await findRiskCorrections(db, orgId, []);
  const signature = JSON.stringify([roster, [...cues].sort()]);
  const cached = analysers.get(orgId);
  if (cached?.signature === signature) return cached;
  const corrections = { cues, mentions: new Set<string>() };
  const entry = { signature, analyser: createAnalyser({ roster, riskCorrections: corrections }), corrections };
  analysers.set(orgId, entry);
  return entry;
}

/** The columns the inbox filters on: aspects both bare and with their polarity ("process.waiting:negative"). */
function filterColumns(a: Analysis) {
  // A risk a person dismissed ("Not a risk") is no longer one the inbox filters on (correctedColumns).
  const { sentiment, risks, staff_ids } = correctedColumns(a);
  return {
    sentiment,
    aspects: [...new Set(a.aspects.flatMap((x) => [x.aspect, `${x.aspect}:${x.polarity}`]))].join(','),
    risks: risks.join(','),
    staff: staff_ids.join(','),
  };
}

/**
 * Analyses an organisation's mentions that have no analysis yet, a batch at a time, until none
 * is left; returns how many it analysed. Each batch is claimed and written in one transaction
 * with FOR UPDATE SKIP LOCKED, so two workers never analyse the same mention and a crash
 * leaves the batch unclaimed for the next run; the same transaction publishes
 * `mentions.analysed` for alerts and cases. Throws on a database error.
 */
export async function analysePending(ctx: { db: Db; boss: PgBoss | null }, orgId: string): Promise<number> {
  const { db } = ctx;
  const { analyser, corrections } = await analyserFor(db, orgId);
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await sql<{
        id: string;
        text: string;
        title: string | null;
        rating: number | null;
        lang: string | null;
        author_handle: string | null;
        published_at: Date | null;
        department_id: string | null;
      }>`
        SELECT id, text, title, rating::float8 AS rating, lang, author_handle, published_at, department_id FROM mentions
        WHERE org_id = ${orgId} AND analysed_at IS NULL
        ORDER BY received_at LIMIT ${ANALYSIS_BATCH_SIZE}
        FOR UPDATE SKIP LOCKED
      `.execute(trx);
      if (rows.rows.length === 0) return 0;
      const own = await findRiskCorrections(
        trx,
        orgId,
        rows.rows.map((r) => r.id),
      );
      corrections.mentions.clear();
      for (const key of own.mentions) corrections.mentions.add(key);
      const analysed = analyser.analyseBatch(
        rows.rows.map((r) => ({
          id: r.id,
          text: r.text,
          rating: r.rating,
          lang: r.lang,
          author: r.author_handle,
          department: r.department_id,
          publishedAt: r.published_at ? new Date(r.published_at) : null,
        })),
      );
      // People's corrections (sentiment, staff links, added risks) win over the engine's new reading.
      const people = await findCorrections(
        trx,
        orgId,
        rows.rows.map((r) => r.id),
      );
      const results = analysed.map((a, i) => {
        const own = people.get(rows.rows[i]!.id);
        return own ? applyCorrections(a, own) : a;
      });
      const columns = results.map(filterColumns);
      await sql`
        UPDATE mentions m SET
          analysis = u.analysis::jsonb, analysis_version = u.version, analysed_at = now(), sentiment = u.sentiment,
          aspects = string_to_array(u.aspects, ','), risks = string_to_array(u.risks, ','),
          staff_ids = string_to_array(u.staff, ',')::uuid[], lang = coalesce(m.lang, u.lang)
        FROM unnest(
          ${rows.rows.map((r) => r.id)}::uuid[], ${results.map((a) => JSON.stringify(a))}::text[], ${results.map((a) => a.modelVersion)}::text[],
          ${columns.map((c) => c.sentiment)}::text[], ${columns.map((c) => c.aspects)}::text[], ${columns.map((c) => c.risks)}::text[],
          ${columns.map((c) => c.staff)}::text[], ${results.map((a) => a.lang)}::text[]
        ) AS u(id, analysis, version, sentiment, aspects, risks, staff, lang)
        WHERE m.id = u.id
      `.execute(trx);
      await publish(ctx.boss, trx, 'mentions.analysed', { orgId, mentionIds: rows.rows.map((r) => r.id) });
      return rows.rows.length;
    });
    total += done;
    if (done < ANALYSIS_BATCH_SIZE) return total;
  }
}

/** Marks every mention analysed by another model version for re-analysis, in chunks (resumable: progress lives in the rows). Returns how many it marked. */
export async function markForReanalysis(db: Db, currentVersion: string, chunk = 5000): Promise<number> {
  let marked = 0;
  for (;;) {
    const result = await sql`
      UPDATE mentions SET analysed_at = NULL
      WHERE id IN (SELECT id FROM mentions WHERE analysed_at IS NOT NULL AND analysis_version IS DISTINCT FROM ${currentVersion} LIMIT ${chunk})
    `.execute(db);
    const n = Number(result.numAffectedRows ?? 0);
    marked += n;
    if (n < chunk) return marked;
  }
}
