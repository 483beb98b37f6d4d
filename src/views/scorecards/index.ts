import { defineFeature } from '../../core/feature.ts';
import { scorecardsPermissions } from './scorecards.permissions.ts';
import { scorecardsRoutes } from './scorecards.routes.ts';

/** Staff and department scorecards, the balanced score and the word-of-mouth star leaderboard, over the analysis' staff links, survey answers, cases and the imported quality and safety indicators (`quality_indicators`, `scorecard_settings`). */
export const scorecardsView = defineFeature({ name: 'scorecards', routes: [scorecardsRoutes], jobs: [], permissions: scorecardsPermissions });

// What reports and the demo use.
export { leaderboard, scorecard } from './scorecards.ts';
export { importIndicators, type IndicatorImport } from './import-indicators.ts';
export { getScorecardSettings, updateScorecardSettings, type ScorecardSettings } from './scorecard-settings.ts';
export { LeaderboardView, ScorecardView, type LeaderboardViewType, type ScorecardViewType } from './scorecards.schemas.ts';
