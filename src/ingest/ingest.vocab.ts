/**
 * The closed vocabularies of everything that brings mentions in. Pure (no zod, no database): the
 * web imports it too.
 */

/** How a source delivers its mentions. */
export const SOURCE_KINDS = ['file', 'push', 'webhook', 'rss', 'manual', 'survey'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** The kinds people create; `survey` is the built-in source survey answers arrive through. */
export const CREATABLE_SOURCE_KINDS = ['file', 'push', 'webhook', 'rss', 'manual'] as const satisfies readonly SourceKind[];

/** The channel an import run came through (`import_runs.channel`); `demo` is the generated demo organisation. */
export const IMPORT_CHANNELS = ['file', 'push', 'webhook', 'rss', 'manual', 'demo', 'survey'] as const;
export type ImportChannel = (typeof IMPORT_CHANNELS)[number];

/** `interrupted`: the process running it stopped (killed, crashed) before it finished; closed at the next start. */
export const IMPORT_RUN_STATUSES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type ImportRunStatus = (typeof IMPORT_RUN_STATUSES)[number];

/** The file formats the readers understand. */
export const FILE_FORMATS = ['csv', 'xlsx', 'json', 'jsonl'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The fields of a mention a file's columns (or a pushed item's keys) can be mapped onto. */
export const MENTION_FIELDS = ['externalId', 'kind', 'url', 'authorHandle', 'ratingRaw', 'ratingScale', 'title', 'text', 'lang', 'publishedAt', 'location', 'department'] as const;
export type MentionField = (typeof MENTION_FIELDS)[number];

/**
 * Sources Verity creates by itself for staff entry, web uploads and survey answers (kind `survey`). Their names are stored as
 * written here and reserved; the web shows them in the reader's language by their key
 * (`ingest.builtIn.<key>`).
 */
export const BUILT_IN_SOURCES = { manual: 'Manual entry', upload: 'File import', survey: 'Survey answers' } as const;
export type BuiltInSource = keyof typeof BUILT_IN_SOURCES;

/** Which built-in source a source name is, or null for a source people created. */
export function builtInSourceOf(name: string): BuiltInSource | null {
  const lower = name.trim().toLowerCase();
  const found = (Object.keys(BUILT_IN_SOURCES) as BuiltInSource[]).find((key) => BUILT_IN_SOURCES[key].toLowerCase() === lower);
  return found ?? null;
}

/** Whether a user may give a new source this name (the built-in names are taken). */
export function isReservedSourceName(name: string): boolean {
  return builtInSourceOf(name) !== null;
}
