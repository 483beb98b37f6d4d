import { describe, expect, test } from 'vitest';
import { csvCell, csvFileName, toCsv, UTF8_BOM } from './chart-csv.ts';

describe('CSV export of a chart table', () => {
  test('a text that a spreadsheet would run as a formula is prefixed with an apostrophe', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  test('a formula character later in the text is left alone', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Отделение - 2')).toBe('Отделение - 2');
  });

  test('numbers stay numbers, negative ones too; null, NaN and infinities are empty', () => {
    expect(csvCell(-12.5)).toBe('-12.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Number.POSITIVE_INFINITY)).toBe('');
  });

  test('commas, quotes and line breaks are quoted (RFC 4180); Chinese and Russian pass unchanged', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('急诊科')).toBe('急诊科');
  });

  test('a table is a header and rows joined by CRLF; the BOM is the UTF-8 one', () => {
    expect(
      toCsv(
        ['Aspect', 'Negative'],
        [
          ['等待时间', 12],
          ['=cmd', -3],
        ],
      ),
    ).toBe("Aspect,Negative\r\n等待时间,12\r\n'=cmd,-3\r\n");
    expect(UTF8_BOM.codePointAt(0)).toBe(0xfeff);
    expect(new TextEncoder().encode(UTF8_BOM)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  test('a file name keeps letters of any script and drops what a file system refuses', () => {
    expect(csvFileName('Heat map / 急诊 : 2026-01-01')).toBe('Heat-map-急诊-2026-01-01.csv');
    expect(csvFileName('///')).toBe('export.csv');
  });
});
