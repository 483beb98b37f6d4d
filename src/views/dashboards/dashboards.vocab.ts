/** The dashboards' closed lists. Pure (no zod, no database). */

/** The coarse grains of the rollups beside the daily rows (`mention_rollups_coarse.grain`). */
export const ROLLUP_GRAINS = ['week', 'month'] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];
