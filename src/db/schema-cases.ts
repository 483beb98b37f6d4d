/** Kysely types of the cases and replies tables (their migration is the source of truth). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CasesTables {}
