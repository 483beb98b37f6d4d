/*
 * The one place a text becomes a spreadsheet cell (CSV or XLSX), server or web: a cell that a
 * spreadsheet would run as a formula is made inert (OWASP's CSV-injection rule). Every export of a
 * table goes through here; no Node or browser imports, so the web app imports it as it is.
 */

/** One cell of an exported table: a number stays a number (a spreadsheet sums it), anything else is text. */
export type SheetCell = string | number | null | undefined;

// A text a spreadsheet would read as a formula (=, +, -, @, and their full-width forms that some
// spreadsheets fold to ASCII), or that a tab, carriage return or line feed would smuggle one into;
// leading spaces do not hide it (LibreOffice may trim them on import).
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/u;

/** Whether a text would be read as a formula by a spreadsheet. */
export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/**
 * A text as a spreadsheet must store it: one that would start a formula gets a leading apostrophe
 * (the spreadsheet shows the text, runs nothing); anything else is unchanged. An XLSX writer stores
 * the result as a string cell, never as a formula.
 */
export function inertText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/**
 * One cell as CSV: text made inert, then quoted when it holds a comma, a semicolon (the list
 * separator of Russian and German Excel, which would start a new cell), a quote or a line break.
 * Finite numbers are written plainly (a negative number is a number, not a formula); NaN,
 * infinities and null are empty.
 */
export function csvCell(value: SheetCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = inertText(value);
  return /[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as CSV text: the header row, then one line per row, CRLF between lines (RFC 4180); headers are cells too. */
export function toCsv(header: readonly string[], rows: readonly (readonly SheetCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * One cell for an XLSX writer (exceljs `cell.value`): a finite number as a number, text made inert as
 * a plain string (never `{ formula }`), nothing for null, NaN and infinities.
 */
export function xlsxCellValue(value: SheetCell): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return inertText(value);
}
