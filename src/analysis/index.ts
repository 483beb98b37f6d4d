// The analysis feature's public surface: used by ingest, the job queue and `verity analyze`.
export { createAnalyzer } from './create-analyzer.ts';
export type { Analysis, AnalysisInput, Analyzer, AnalyzerOptions } from './create-analyzer.ts';
export type { RosterMember } from './match-staff.ts';
export { ASPECTS, RISKS } from './lexicon.ts';
export { AuthenticityIndex } from './authenticity.ts';
export type { AuthenticityScore } from './authenticity.ts';
export { runAnalyzeCli } from './run-analyze-cli.ts';
export { detectLanguage, toSimplified } from './text.ts';
export type { AnalyzeCliOptions } from './run-analyze-cli.ts';
