import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { checkHeader, FileReadError, fileReadError, rowError, type RawRecord, type RowError } from './raw-record.ts';

/** Reads the first worksheet of an XLSX stream, first row as header. Throws FileReadError when it is not a readable XLSX. */
export async function* readXlsx(bytes: AsyncIterable<Buffer>): AsyncGenerator<RawRecord | RowError> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
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
  try {
    for (;;) {
      const next = await unzipStep(() => rows.next());
      if (next.done) break;
      const row = next.value;
      const values = (row.values as ExcelJS.CellValue[]).slice(1).map(plainValue);
      if (values.every((value) => value === null || value === '')) continue;
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
    await sheets.return?.(undefined);
  }
  if (header === undefined) throw fileReadError('file.noHeaderInSheet');
}

async function unzipStep<T>(step: () => Promise<T>): Promise<T> {
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
