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
