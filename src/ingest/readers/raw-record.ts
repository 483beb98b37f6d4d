import type { Text } from '../../core/i18n.ts';
import { ingestText, TextError } from '../ingest-errors.ts';
import type { IngestMessageKey } from '../ingest.messages.ts';
import { renderIngest } from '../ingest.messages.ts';

/** One data row of an uploaded file, keyed by the file's own column names. */
export interface RawRecord {
  /** 1-based row number as the user sees it: CSV line (header = 1), JSONL line, JSON array index, XLSX sheet row. */
  row: number;
  fields: Record<string, unknown>;
}

/**
 * A row that cannot be read; it is reported and reading goes on. `error` (English) does not
 * repeat the row number; `text` is its message code and parameters, for other languages (kept
 * out of the enumerable fields, so a RowError still reads as `{ row, error }`).
 */
export class RowError {
  readonly error: string;
  readonly #text: Text;
  constructor(
    readonly row: number,
    text: Text,
  ) {
    this.error = renderIngest('en', text);
    this.#text = text;
  }
  get text(): Text {
    return this.#text;
  }
}

/** A row error with an ingest message. */
export function rowError(row: number, key: IngestMessageKey, params?: Record<string, string | number>): RowError {
  return new RowError(row, ingestText(key, params));
}

/** The file as a whole cannot be read (empty, binary, truncated, no usable header). */
export class FileReadError extends TextError {
  constructor(text: Text) {
    super(text);
    this.name = 'FileReadError';
  }
}

/** A FileReadError with an ingest message. */
export function fileReadError(key: IngestMessageKey, params?: Record<string, string | number>): FileReadError {
  return new FileReadError(ingestText(key, params));
}

export function isRowError(item: RawRecord | RowError): item is RowError {
  return item instanceof RowError;
}

/** Where a header row is: a CSV line or an XLSX row. */
export interface HeaderPlace {
  format: 'csv' | 'xlsx';
  line: number;
}

/** Rejects empty, blank and repeated column names; returns the trimmed names. Throws FileReadError. */
export function checkHeader(names: string[], place: HeaderPlace): string[] {
  const where = { where: place.format, line: place.line };
  const trimmed = names.map((name) => name.replace(/^\uFEFF/, '').trim());
  if (trimmed.length === 0 || trimmed.every((name) => name === '')) throw fileReadError('file.noHeader', where);
  const seen = new Map<string, number>();
  trimmed.forEach((name, index) => {
    if (name === '') throw fileReadError('file.unnamedColumn', { ...where, column: index + 1 });
    const earlier = seen.get(name);
    if (earlier !== undefined) throw fileReadError('file.duplicateColumn', { ...where, name, first: earlier + 1, second: index + 1 });
    seen.set(name, index);
  });
  return trimmed;
}

/** The longest record (a CSV record, a JSONL line, a JSON array element) a reader holds while looking for its end; a longer one stops the file. */
export const MAX_RECORD_CHARS = 1_000_000;

/** Why a decoded value cannot be stored as it is: a replacement character (bytes not valid in the file's encoding) or a NUL. */
export function textFault(text: string): 'row.invalidEncoding' | 'row.nul' | undefined {
  if (text.includes('\uFFFD')) return 'row.invalidEncoding';
  if (text.includes('\u0000')) return 'row.nul';
  return undefined;
}
