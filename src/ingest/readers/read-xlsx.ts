import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkHeader, FileReadError, fileReadError, rowError, textFault, type RawRecord, type RowError } from './raw-record.ts';
import { MAX_XLSX_UNZIPPED_BYTES, ZipGuard } from './zip-guard.ts';

/** Excel's own bounds: rows and columns of a sheet, characters in a cell. */
export const MAX_XLSX_ROWS = 1_048_576;
export const MAX_XLSX_COLUMNS = 16_384;
export const MAX_CELL_CHARS = 32_767;
/** This many empty rows in a row end the reading: a sheet of styled empty rows is read in linear, short time. */
export const MAX_EMPTY_ROW_RUN = 10_000;

/** Reads the first worksheet of an XLSX stream, first row as header. Throws FileReadError when it is not a readable XLSX or passes a bound. */
export async function* readXlsx(input: AsyncIterable<Buffer>): AsyncGenerator<RawRecord | RowError> {
  let refuse: (fault: FileReadError) => void = () => undefined;
  const refused = new Promise<never>((_, reject) => {
    refuse = reject;
  });
  refused.catch(() => undefined);
  const guard = new ZipGuard(MAX_XLSX_UNZIPPED_BYTES, (fault) => refuse(fault));
  const source = Readable.from(
    (async function* () {
      for await (const chunk of input) {
        if (!guard.push(chunk)) return;
        yield chunk;
      }
      guard.end();
    })(),
  );
  // exceljs never sees past a refusal, and waits for ever on a cut-off file: each step also waits for the guard's refusal.
  const unzipStep = <T>(step: () => Promise<T>): Promise<T> => unzipped(() => Promise.race([step(), refused]));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache', // needed for date-formatted numbers to come back as Date
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const sheets = reader[Symbol.asyncIterator]();
  const first = await unzipStep(() => sheets.next());
  if (first.done) throw fileReadError('file.noWorksheet');
  const rows = first.value[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.Row>;
  let header: string[] | undefined;
  let emptyFrom = 0;
  let emptyRun = 0;
  try {
    for (;;) {
      const next = await unzipStep(() => rows.next());
      if (next.done) break;
      const row = next.value;
      if (row.number > MAX_XLSX_ROWS) throw fileReadError('file.xlsxTooManyRows', { limit: MAX_XLSX_ROWS });
      const cells = row.values as ExcelJS.CellValue[];
      if (cells.length > MAX_XLSX_COLUMNS + 1) throw fileReadError('file.xlsxTooManyColumns', { row: row.number, limit: MAX_XLSX_COLUMNS });
      const values = cells.slice(1).map(plainValue);
      if (values.every((value) => value === null || value === '')) {
        if (emptyRun++ === 0) emptyFrom = row.number;
        if (emptyRun >= MAX_EMPTY_ROW_RUN) throw fileReadError('file.xlsxEmptyRun', { from: emptyFrom, to: row.number });
        continue;
      }
      emptyRun = 0;
      const fault = cellFault(row.number, values);
      if (fault && header !== undefined) {
        yield fault;
        continue;
      }
      if (header === undefined) {
        header = checkHeader(
          values.map((value) => (value instanceof Date ? value.toISOString() : String(value ?? ''))),
          { format: 'xlsx', line: row.number },
        );
        continue;
      }
      let lastFilled = values.length;
      while (lastFilled > 0 && (values[lastFilled - 1] === null || values[lastFilled - 1] === '')) lastFilled--;
      if (lastFilled > header.length) {
        yield rowError(row.number, 'row.columnCount', { count: lastFilled, width: header.length });
        continue;
      }
      const fields: Record<string, unknown> = {};
      header.forEach((name, index) => {
        fields[name] = values[index] ?? null;
      });
      yield { row: row.number, fields };
    }
  } finally {
    source.destroy();
    await Promise.race([sheets.return?.(undefined), refused]).catch(() => undefined);
  }
  if (header === undefined) throw fileReadError('file.noHeaderInSheet');
}

/** A cell longer than a spreadsheet cell may be, or holding text that cannot be stored (U+FFFD, NUL). */
function cellFault(row: number, values: unknown[]): RowError | undefined {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    if (value.length > MAX_CELL_CHARS) return rowError(row, 'row.cellTooLong', { length: value.length, limit: MAX_CELL_CHARS });
    const fault = textFault(value);
    if (fault === 'row.invalidEncoding') return rowError(row, fault, { encoding: 'UTF-8' });
    if (fault) return rowError(row, fault);
  }
  return undefined;
}

async function unzipped<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof FileReadError) throw error;
    throw fileReadError('file.notXlsx', { detail: (error as Error).message });
  }
}

/** Rich text, hyperlink and formula cells become the text or result they show. */
function plainValue(value: ExcelJS.CellValue | undefined): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return plainValue(value.text as ExcelJS.CellValue);
  if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return null;
  if ('error' in value) return null;
  return null;
}
