// What other features use of ingest: the list of sources (for filters and alert scopes) and their names in the reader's language.
export { listSources } from './api.ts';
export { useSourceWords } from './source-name.ts';
export type { Source } from './types.ts';
