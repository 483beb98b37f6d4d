/** One cell of an exported table: a number stays a number (Excel sums it), anything else is text. */
export type CsvCell = string | number | null | undefined;

// A text a spreadsheet would read as a formula (=, +, -, @) or that a tab or carriage return would smuggle one into.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV: a text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP's
 * CSV-injection rule), and a text with a comma, quote or line break is quoted. Finite numbers are
 * written plainly (a negative number is a number, not a formula); NaN, infinities and null are empty.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as CSV text: the header row, then one line per row, CRLF between lines (RFC 4180). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

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
