// What other features use of ingest: the list of sources (for filters and alert scopes).
export { listSources } from './api.ts';
export type { Source } from './types.ts';
