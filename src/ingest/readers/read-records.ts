import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { CsvSplitter, detectDelimiter } from './csv-splitter.ts';
import { decodeStream, type TextEncoding } from './detect-encoding.ts';
import { JsonArraySplitter } from './json-array-splitter.ts';
import { checkHeader, fileReadError, MAX_RECORD_CHARS, rowError, textFault, type RawRecord, type RowError } from './raw-record.ts';

export { FileReadError, isRowError, RowError, type RawRecord } from './raw-record.ts';

import type { FileFormat } from '../ingest.vocab.ts';

export type { FileFormat } from '../ingest.vocab.ts';

export interface ReadRecordsOptions {
  /** When absent, taken from the file name's extension, else sniffed from the first bytes. */
  format?: FileFormat;
  fileName?: string;
  /** 'auto' (the default) reads 64 KB from the first non-ASCII byte: UTF-8 if valid, else GB18030, Windows-1251 or Windows-1252, then decodes the whole file in it. */
  encoding?: TextEncoding | 'auto';
  /** CSV only; detected among , ; tab | when absent. */
  delimiter?: string;
}

const HEAD_BYTES = 64 * 1024;
/** A JSON file that is an object (not an array) is parsed whole, so it is capped. */
const MAX_WHOLE_JSON_BYTES = 200 * 1024 * 1024;

const EXTENSIONS: Record<string, FileFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
};

/** File kinds told by their first bytes; each is named in ingest.messages.ts (`fileKind.<kind>`). */
const MAGIC: [string, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gzip', [0x1f, 0x8b]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0]],
];

/** The format a file name's extension stands for, or undefined when it says nothing. */
export function formatFromFileName(fileName: string): FileFormat | undefined {
  return EXTENSIONS[extname(fileName).toLowerCase()];
}

/** Decides the format by extension, else by the first bytes. Throws FileReadError naming what it saw. */
export function detectFormat(fileName: string, head: Buffer): FileFormat {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.xls') throw fileReadError('file.legacyXls', { fileName });
  const byExtension = formatFromFileName(fileName);
  if (byExtension) return byExtension;
  if (head.length === 0) throw fileReadError('file.empty');
  const magic = magicName(head);
  if (magic === 'zip') return 'xlsx';
  if (magic) throw fileReadError('file.isKind', { fileName, magic });
  const binary = binaryReason(head);
  if (binary) throw fileReadError('file.isBinary', { fileName, binary });
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    const lines = text.split('\n', 3);
    const firstLine = lines[0]?.trim() ?? '';
    if (lines.length > 1 && firstLine.endsWith('}') && isJson(firstLine)) return 'jsonl';
    return 'json';
  }
  return 'csv';
}

/**
 * Reads a CSV, XLSX, JSON or JSONL file record by record without holding it in memory.
 * Bad rows come out as RowError and reading goes on; throws FileReadError when the file as a
 * whole is unreadable (empty, binary, truncated, no header) — for a truncated file this happens
 * after the rows before the cut have been yielded.
 */
export async function* readRecords(input: NodeJS.ReadableStream | string, options: ReadRecordsOptions = {}): AsyncGenerator<RawRecord | RowError> {
  const fileName = options.fileName ?? (typeof input === 'string' ? input : '');
  const source = typeof input === 'string' ? createReadStream(input, { highWaterMark: HEAD_BYTES }) : input;
  const chunks = (source as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let isDrained = false;
  try {
    const headParts: Buffer[] = [];
    let headLength = 0;
    while (headLength < HEAD_BYTES) {
      const next = await nextChunk(chunks);
      if (next === undefined) {
        isDrained = true;
        break;
      }
      headParts.push(next);
      headLength += next.length;
    }
    const head = Buffer.concat(headParts);
    if (head.length === 0) throw fileReadError('file.empty');
    const format = options.format ?? detectFormat(fileName, head);

    const bytes = async function* (): AsyncGenerator<Buffer> {
      yield head;
      while (!isDrained) {
        const next = await nextChunk(chunks);
        if (next === undefined) isDrained = true;
        else yield next;
      }
    };

    if (format === 'xlsx') {
      if (magicName(head) !== 'zip') throw fileReadError('file.notZip');
      // exceljs is large: loaded only when a workbook arrives.
      const { readXlsx } = await import('./read-xlsx.ts');
      yield* readXlsx(bytes());
      return;
    }
    const expected = format === 'csv' ? 'CSV' : 'JSON';
    const magic = magicName(head);
    if (magic) throw fileReadError('file.expectedKind', { expected, magic });
    const binary = binaryReason(head);
    if (binary) throw fileReadError('file.expectedBinary', { expected, binary });

    let encoding: TextEncoding = options.encoding && options.encoding !== 'auto' ? options.encoding : 'utf-8';
    const texts = coalesce(
      decodeStream(bytes(), options.encoding ?? 'auto', (detected) => {
        encoding = detected;
      }),
    );
    const faultOf = (row: number, fields: Record<string, unknown>) => faultyRow(row, fields, encoding);
    const delimiter = options.delimiter ?? (extname(fileName).toLowerCase() === '.tsv' ? '\t' : undefined);
    if (format === 'csv') yield* readCsv(texts, delimiter, faultOf);
    else if (format === 'jsonl') yield* readJsonLines(texts, faultOf);
    else yield* readJson(texts, faultOf);
  } finally {
    if (!isDrained) await chunks.return?.(); // destroys the stream when the caller stops early
  }
}

async function nextChunk(chunks: AsyncIterator<Buffer | string>): Promise<Buffer | undefined> {
  let next: IteratorResult<Buffer | string>;
  try {
    next = await chunks.next();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw fileReadError('file.cannotOpen', { code });
    }
    throw error;
  }
  if (next.done) return undefined;
  return typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
}

type FaultOf = (row: number, fields: Record<string, unknown>) => RowError | undefined;

/** Decoded text in pieces of at least COALESCE_CHARS, so a splitter that re-reads an unfinished record does so a bounded number of times per byte. */
const COALESCE_CHARS = 64 * 1024;

async function* coalesce(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let parts: string[] = [];
  let length = 0;
  for await (const text of texts) {
    parts.push(text);
    length += text.length;
    if (length >= COALESCE_CHARS) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/** A row whose text holds a replacement character (bytes not valid in the file's encoding) or a NUL is reported, never stored. */
function faultyRow(row: number, fields: Record<string, unknown>, encoding: TextEncoding): RowError | undefined {
  for (const value of Object.values(fields)) {
    if (typeof value !== 'string') continue;
    const fault = textFault(value);
    if (fault === 'row.invalidEncoding') return rowError(row, fault, { encoding: encoding.toUpperCase() });
    if (fault) return rowError(row, fault);
  }
  return undefined;
}

async function* readCsv(texts: AsyncIterable<string>, delimiterOption: string | undefined, faultOf: FaultOf): AsyncGenerator<RawRecord | RowError> {
  let splitter: CsvSplitter | undefined;
  let header: string[] | undefined;
  let width = 0;
  function* emit(rows: ReturnType<CsvSplitter['push']>): Generator<RawRecord | RowError> {
    for (const { line, fields: values } of rows) {
      if (values.length === 1 && values[0]!.trim() === '') continue; // blank line
      if (header === undefined) {
        header = checkHeader(values, { format: 'csv', line });
        width = header.length;
        continue;
      }
      if (values.length !== width) {
        yield rowError(line, 'row.columnCount', { count: values.length, width });
        continue;
      }
      const fields: Record<string, unknown> = {};
      for (let k = 0; k < width; k++) fields[header[k]!] = values[k];
      yield faultOf(line, fields) ?? { row: line, fields };
    }
  }
  for await (const text of texts) {
    splitter ??= new CsvSplitter(delimiterOption ?? detectDelimiter(text));
    yield* emit(splitter.push(text, false));
  }
  if (splitter) yield* emit(splitter.push('', true));
  if (header === undefined) throw fileReadError('file.onlyBlankLines');
}

async function* readJsonLines(texts: AsyncIterable<string>, faultOf: FaultOf): AsyncGenerator<RawRecord | RowError> {
  let rest = '';
  let line = 0;
  const parseLine = (text: string): RawRecord | RowError | undefined => {
    line++;
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    return toRecord(line, trimmed, faultOf);
  };
  for await (const text of texts) {
    const s = rest + text;
    let from = 0;
    // `rest` holds no newline: search only the new text, so one endless line costs linear time.
    let newline = s.indexOf('\n', rest.length);
    while (newline !== -1) {
      const item = parseLine(s.slice(from, newline));
      if (item) yield item;
      from = newline + 1;
      newline = s.indexOf('\n', from);
    }
    rest = s.slice(from);
    if (rest.length > MAX_RECORD_CHARS) throw fileReadError('file.recordTooLong', { row: line + 1, limit: MAX_RECORD_CHARS });
  }
  const last = parseLine(rest);
  if (last) yield last;
}

async function* readJson(texts: AsyncIterable<string>, faultOf: FaultOf): AsyncGenerator<RawRecord | RowError> {
  const iterator = texts[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw fileReadError('file.empty');
  const firstText = first.value.replace(/^\uFEFF/, '');
  if (firstText.trimStart().startsWith('{')) {
    yield* readJsonObject(firstText, iterator, faultOf);
    return;
  }
  const splitter = new JsonArraySplitter();
  let next: IteratorResult<string> = { done: false, value: firstText };
  while (!next.done) {
    for (const element of splitter.push(next.value, false)) yield toRecord(element.index, element.text, faultOf);
    next = await iterator.next();
  }
  for (const element of splitter.push('', true)) yield toRecord(element.index, element.text, faultOf);
}

/** An object wrapping the array (`{ "items": [...] }`) is read whole, up to MAX_WHOLE_JSON_BYTES. */
async function* readJsonObject(firstText: string, rest: AsyncIterator<string>, faultOf: FaultOf): AsyncGenerator<RawRecord | RowError> {
  const parts = [firstText];
  let length = firstText.length;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    length += next.value.length;
    if (length > MAX_WHOLE_JSON_BYTES) {
      throw fileReadError('file.jsonObjectTooLarge');
    }
    parts.push(next.value);
  }
  let document: unknown;
  try {
    document = JSON.parse(parts.join(''));
  } catch (error) {
    const reason = (error as Error).message;
    throw fileReadError(/end of JSON|Unterminated/i.test(reason) ? 'file.truncatedJson' : 'file.invalidJson', { detail: reason });
  }
  const container = document as Record<string, unknown>;
  const key = ['items', 'data', 'mentions', 'reviews'].find((name) => Array.isArray(container[name]));
  if (key === undefined) throw fileReadError('file.noArrayInObject');
  const items = container[key] as unknown[];
  for (let index = 0; index < items.length; index++) yield toObjectRecord(index + 1, items[index], faultOf);
}

function toRecord(row: number, text: string, faultOf: FaultOf): RawRecord | RowError {
  if (text === '') return rowError(row, 'row.empty');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return rowError(row, 'row.invalidJson', { detail: (error as Error).message });
  }
  return toObjectRecord(row, value, faultOf);
}

function toObjectRecord(row: number, value: unknown, faultOf: FaultOf): RawRecord | RowError {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return Array.isArray(value) ? rowError(row, 'row.isArray') : value === null ? rowError(row, 'row.isNull') : rowError(row, 'row.isScalar', { type: typeof value });
  }
  const fields = value as Record<string, unknown>;
  return faultOf(row, fields) ?? { row, fields };
}

function magicName(head: Buffer): string | undefined {
  return MAGIC.find(([, bytes]) => bytes.every((byte, index) => head[index] === byte))?.[0];
}

/** Why the head looks binary (a key of `binary.<reason>` in ingest.messages.ts), or undefined for text. Text files have no NUL bytes and few control characters; UTF-16 is named because it looks binary. */
function binaryReason(head: Buffer): string | undefined {
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    return 'utf16';
  }
  const sample = head.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return 'nul';
    if ((byte < 0x20 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12) || byte === 0x7f) controls++;
  }
  if (controls / sample.length > 0.1) return 'controls';
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
