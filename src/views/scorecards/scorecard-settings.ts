import { sql } from 'kysely';
import { recordAudit, type AuditBy } from '../../audit/index.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { scorecardsMessages } from './scorecards.messages.ts';
import { DEFAULT_MIN_SAMPLE, DEFAULT_WEIGHTS, SCORE_COMPONENTS, type ScoreComponent } from './scorecards.vocab.ts';

export interface ScorecardSettings {
  weights: Record<ScoreComponent, number>;
  minSample: number;
  /** No settings stored: the defaults apply. */
  defaults: boolean;
}

/** The organisation's weights and minimum sample, else the defaults (a component missing from stored weights weighs 0). */
export async function getScorecardSettings(db: Db, orgId: string): Promise<ScorecardSettings> {
  const row = await db.selectFrom('scorecard_settings').select(['weights', 'min_sample']).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) return { weights: { ...DEFAULT_WEIGHTS }, minSample: DEFAULT_MIN_SAMPLE, defaults: true };
  const stored = (typeof row.weights === 'string' ? JSON.parse(row.weights) : row.weights) as Partial<Record<ScoreComponent, number>>;
  const weights = Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, Number(stored[c] ?? 0)])) as Record<ScoreComponent, number>;
  return { weights, minSample: row.min_sample, defaults: false };
}

/**
 * Stores the weights and the minimum sample, with a `scorecards.settings` audit entry in the same
 * transaction. Throws bad_request for a negative weight (naming it) or weights that sum to 0.
 */
export async function updateScorecardSettings(db: Db, by: AuditBy, input: { weights: Record<ScoreComponent, number>; minSample: number }): Promise<void> {
  for (const c of SCORE_COMPONENTS) {
    const value = input.weights[c];
    if (!Number.isFinite(value) || value < 0) throw badRequest(scorecardsMessages.text('weightNegative', { component: c, value: String(value) }));
  }
  if (SCORE_COMPONENTS.reduce((a, c) => a + input.weights[c], 0) <= 0) throw badRequest(scorecardsMessages.text('weightsZero'));
  const weights = JSON.stringify(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c, input.weights[c]])));
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scorecard_settings')
      .values({ org_id: by.orgId, weights, min_sample: input.minSample, updated_by: by.userId })
      .onConflict((oc) => oc.column('org_id').doUpdateSet({ weights, min_sample: input.minSample, updated_by: by.userId, updated_at: sql<Date>`now()` }))
      .execute();
    await recordAudit(trx, { ...by, action: 'scorecards.settings', targetType: 'organisation', targetId: by.orgId, details: { weights: input.weights, minSample: input.minSample } });
  });
}
