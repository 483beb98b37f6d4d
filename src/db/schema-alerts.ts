/** Kysely types of the notifications and alerts tables (their migration is the source of truth). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AlertsTables {}
