import { defineFeature } from '../../core/feature.ts';
import { scorecardsPermissions } from './scorecards.permissions.ts';

/** Staff and department scorecards, the balanced score and the word-of-mouth star leaderboard, over the analysis' staff links, survey answers, cases and the imported quality and safety indicators (`quality_indicators`, `scorecard_settings`). */
export const scorecardsView = defineFeature({ name: 'scorecards', routes: [], jobs: [], permissions: scorecardsPermissions });
