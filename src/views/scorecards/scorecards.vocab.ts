/**
 * The scorecards' vocabulary (pure: the web and the database types import it).
 * Quality and safety indicators are rates (events per exposures) imported per period from CSV;
 * for each of them lower is better. The balanced score weighs these more than satisfaction.
 */
export const QUALITY_INDICATORS = ['complication_rate', 'readmission_rate', 'incident_rate', 'infection_rate'] as const;
export type QualityIndicator = (typeof QUALITY_INDICATORS)[number];

/** The parts of the balanced score, each with a weight in the organisation's settings. */
export const SCORE_COMPONENTS = ['quality', 'safety', 'communication', 'nps', 'praise', 'complaints', 'cases'] as const;
export type ScoreComponent = (typeof SCORE_COMPONENTS)[number];

/** Which indicators make up the quality and the safety component. */
export const COMPONENT_INDICATORS: Record<'quality' | 'safety', readonly QualityIndicator[]> = {
  quality: ['complication_rate', 'readmission_rate'],
  safety: ['incident_rate', 'infection_rate'],
};

/**
 * The default weights: quality and safety together (0.55) weigh more than every satisfaction
 * part together (0.45), as the seeds require ("real quality, not satisfaction at any price").
 */
export const DEFAULT_WEIGHTS: Record<ScoreComponent, number> = { quality: 0.3, safety: 0.25, communication: 0.15, nps: 0.1, praise: 0.05, complaints: 0.1, cases: 0.05 };

/** Below this many survey responses in the period nobody is ranked. */
export const DEFAULT_MIN_SAMPLE = 30;

/** Whom a scorecard is about. */
export const SCORECARD_SUBJECTS = ['staff', 'department'] as const;
export type ScorecardSubject = (typeof SCORECARD_SUBJECTS)[number];

/** Why an entry of the leaderboard has no place. */
export const NOT_RANKED_REASONS = ['too_few_responses', 'no_quality_data'] as const;
export type NotRankedReason = (typeof NOT_RANKED_REASONS)[number];
