import { AppError, type ErrorCode } from '../core/errors.ts';
import type { Locale, Params, Text } from '../core/i18n.ts';
import { ingestMessages, renderIngest, type IngestMessageKey } from './ingest.messages.ts';

/** A row an import refused: its number, the reason in English and, for the reader's language, its message code and parameters. */
export interface RejectedRow {
  row: number;
  reason: string;
  code?: string;
  params?: Record<string, string | number | null>;
}

/** An ingest text with its parameters; numbers go in as written, so the English reads exactly as the CLI and the logs always printed it. */
export function ingestText(key: IngestMessageKey, params?: Record<string, string | number>): Text {
  if (!params) return ingestMessages.text(key);
  const written: Params = {};
  for (const [name, value] of Object.entries(params)) written[name] = String(value);
  return ingestMessages.text(key, written);
}

/** An Error for people with a message code (a feed that cannot be read, a file that cannot be read); `message` is the English. */
export class TextError extends Error {
  constructor(readonly text: Text) {
    super(renderIngest('en', text));
    this.name = 'TextError';
  }
}

/** An API error with an ingest text: its message is rendered in the reader's language, vocabulary parameters as words. */
export class IngestError extends AppError {
  constructor(code: ErrorCode, text: Text, details?: unknown) {
    super(code, text, details);
    this.message = renderIngest('en', text);
  }
  override localizedMessage(locale: Locale): string {
    return renderIngest(locale, this.text!);
  }
}

export function ingestError(code: ErrorCode, key: IngestMessageKey, params?: Record<string, string | number>): IngestError {
  return new IngestError(code, ingestText(key, params));
}

/** A refused row: the English reason (stored, and printed by the CLI), and its code and parameters for rendering in another language. */
export function rejection(row: number, text: Text): RejectedRow {
  const params: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) if (value !== undefined) params[name] = typeof value === 'object' && value !== null ? renderIngest('en', value) : value;
  return { row, reason: renderIngest('en', text), code: text.code, params };
}

/** Rejected rows with their reasons in `locale`; rows stored before reasons had codes keep their English. */
export function localizeRejected<R extends RejectedRow>(locale: Locale, rows: R[]): R[] {
  if (locale === 'en') return rows;
  return rows.map((r) => (r.code ? { ...r, reason: renderIngest(locale, { code: r.code, params: r.params }) } : r));
}

/** An import run as a reader sees it: its rejected rows' reasons and its error in their language. */
export function localizedRun<R extends { rejected: RejectedRow[]; error: string | null; errorMessage?: unknown }>(locale: Locale, run: R): R {
  const text = run.errorMessage as Text | null | undefined;
  return { ...run, rejected: localizeRejected(locale, run.rejected), error: run.error && text?.code ? renderIngest(locale, text) : run.error };
}

/** A source as a reader sees it: its last poll error and its latest run in their language. */
export function localizedSource<S extends { lastPollError: string | null; lastPollErrorMessage?: unknown; lastRun: Parameters<typeof localizedRun>[1] | null }>(locale: Locale, source: S): S {
  const text = source.lastPollErrorMessage as Text | null | undefined;
  return {
    ...source,
    lastPollError: source.lastPollError && text?.code ? renderIngest(locale, text) : source.lastPollError,
    lastRun: source.lastRun && localizedRun(locale, source.lastRun),
  };
}
