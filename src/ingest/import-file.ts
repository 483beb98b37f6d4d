import type { PgBoss } from 'pg-boss';
import type { Db } from '../db/database.ts';
import type { MentionKind } from '../mentions/mentions.vocab.ts';
import type { MentionInput } from './mention-input.ts';
import type { Text } from '../core/i18n.ts';
import type { RejectedRow } from './import-runs.queries.ts';
import { rejection } from './ingest-errors.ts';
import { inferMapping, mapRecord, type ColumnMapping } from './map-record.ts';
import { FileReadError, isRowError, readRecords, type FileFormat } from './readers/read-records.ts';
import { fileReadError } from './readers/raw-record.ts';
import { recordRun } from './record-run.ts';

export const IMPORT_BATCH_SIZE = 2000;

export interface ImportFileOptions {
  orgId: string;
  sourceId: string;
  userId: string | null;
  input: NodeJS.ReadableStream | string;
  fileName: string;
  format?: FileFormat;
  mapping?: ColumnMapping;
  encoding?: 'utf-8' | 'gb18030' | 'windows-1251' | 'windows-1252' | 'auto';
  delimiter?: string;
  defaultKind?: MentionKind;
  /** Default location and department (ids) for rows that name none. */
  locationId?: string | null;
  departmentId?: string | null;
}

export interface ImportSummary {
  runId: string;
  accepted: number;
  duplicates: number;
  updated: number;
  rejectedCount: number;
  rejected: RejectedRow[];
  /** Set when the file as a whole could not be read; rows before the fault are kept. */
  error: string | null;
  /** The same, as a message code and parameters, for readers of other languages. */
  errorText: Text | null;
}

/**
 * Imports a file as one recorded run, streaming it in batches: each batch commits on its own with
 * its analysis job, so memory stays flat and a fault late in a file keeps every good row before it.
 * Bad rows are counted and named, never fatal. Throws only on a database error.
 */
export async function importFile(ctx: { db: Db; boss: PgBoss | null }, options: ImportFileOptions): Promise<ImportSummary> {
  const info = {
    orgId: options.orgId,
    sourceId: options.sourceId,
    userId: options.userId,
    channel: 'file',
    fileName: options.fileName,
    format: options.format ?? null,
    locationId: options.locationId ?? null,
    departmentId: options.departmentId ?? null,
  } as const;
  return recordRun(ctx, info, async (run) => {
    const summary: ImportSummary = { runId: run.runId, accepted: 0, duplicates: 0, updated: 0, rejectedCount: 0, rejected: [], error: null, errorText: null };
    let mapping: ColumnMapping | undefined;
    let batch: MentionInput[] = [];
    let rejected: RejectedRow[] = [];

    const flush = async () => {
      if (batch.length === 0 && rejected.length === 0) return;
      const mentions = batch;
      const rows = rejected;
      batch = [];
      rejected = [];
      const counts = await run.ingest(mentions, rows);
      summary.accepted += counts.accepted;
      summary.duplicates += counts.duplicates;
      summary.updated += counts.updated;
      summary.rejectedCount += rows.length;
      if (summary.rejected.length < 1000) summary.rejected.push(...rows.slice(0, 1000 - summary.rejected.length));
    };

    try {
      for await (const record of readRecords(options.input, { format: options.format, fileName: options.fileName, encoding: options.encoding, delimiter: options.delimiter })) {
        if (isRowError(record)) {
          rejected.push(rejection(record.row, record.text));
        } else {
          mapping ??= checkedMapping(options.mapping, Object.keys(record.fields));
          const mapped = mapRecord(record.fields, mapping, { kind: options.defaultKind ?? 'review' });
          if (mapped.ok) batch.push(mapped.mention);
          else rejected.push(rejection(record.row, mapped.text));
        }
        if (batch.length >= IMPORT_BATCH_SIZE || rejected.length >= IMPORT_BATCH_SIZE) await flush();
      }
      await flush();
    } catch (error) {
      // A file that cannot be read further keeps the rows before the fault; anything else fails the run.
      if (!(error instanceof FileReadError)) throw error;
      await flush();
      summary.error = error.message;
      summary.errorText = error.text;
      run.fail(error.message, error.text);
    }
    return summary;
  });
}

/** The given mapping checked against the file's columns, or one inferred from them; throws FileReadError when no column holds the text. */
function checkedMapping(given: ColumnMapping | undefined, columns: string[]): ColumnMapping {
  const listed = columns.slice(0, 15).join(', ');
  if (given) {
    const missing = Object.values(given).filter((column): column is string => typeof column === 'string' && !columns.includes(column));
    if (missing.length) throw fileReadError('file.mappingMissing', { missing: missing.join(', '), columns: listed });
  }
  const mapping = { ...inferMapping(columns), ...given };
  if (!mapping.text) throw fileReadError('file.noTextColumn', { columns: listed });
  return mapping;
}
