// The analysis feature's public surface: used by ingest, the job queue and `verity analyze`.
export { createAnalyser } from './create-analyser.ts';
export type { Analysis, AnalysisInput, Analyser, AnalyserOptions } from './create-analyser.ts';
export type { RosterMember } from './match-staff.ts';
export { isFirmStaffMatch, FIRM_STAFF_CONFIDENCE } from './match-staff.ts';
export { ASPECTS, RISKS } from './lexicon.ts';
export { AuthenticityIndex } from './authenticity.ts';
export type { AuthenticityScore } from './authenticity.ts';
export { runAnalyseCli } from './run-analyse-cli.ts';
export { detectLanguage, toSimplified } from './text.ts';
export { prepareText } from './tokenize.ts';
export type { AnalyseCliOptions } from './run-analyse-cli.ts';
