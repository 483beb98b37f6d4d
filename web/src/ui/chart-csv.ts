import { csvCell, toCsv, type SheetCell } from '../lib/vocab.ts';

/** One cell of an exported table: a number stays a number (Excel sums it), anything else is text. */
export type CsvCell = SheetCell;

// Formulas are neutralised and cells quoted by the one shared helper (src/core/spreadsheet-cell.ts).
export { csvCell, toCsv };

/** The byte order mark that makes Excel read the file as UTF-8 (Chinese and Russian names intact). */
export const UTF8_BOM = '\uFEFF';

/** A file name made of a title: letters of any script, digits and dashes; nothing a file system refuses. */
export function csvFileName(title: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'export'}.csv`;
}

/** Offers the table as a download: UTF-8 with a BOM. */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  const blob = new Blob([UTF8_BOM, toCsv(header, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
