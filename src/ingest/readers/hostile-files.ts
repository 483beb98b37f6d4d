/**
 * Hostile files for the upload security suites, generated in the test (no binaries committed):
 * XLSX workbooks written with fflate (zip bombs, endless empty rows, wide rows, truncated archives).
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { zipSync, strToU8, type Zippable } from 'fflate';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';

/** An inline-string cell. */
export function cell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A workbook whose first sheet holds the given `<row>` elements; entries in the order exceljs streams (shared strings before the sheet). */
export function workbook(rows: string | Uint8Array, extra: Zippable = {}): Buffer {
  const sheetHead = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const sheetTail = '</sheetData></worksheet>';
  const body = typeof rows === 'string' ? strToU8(sheetHead + rows + sheetTail) : concat([strToU8(sheetHead), rows, strToU8(sheetTail)]);
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/sharedStrings.xml': strToU8(SHARED_STRINGS),
    ...extra,
    'xl/worksheets/sheet1.xml': [body, { level: 9 }],
  };
  return Buffer.from(zipSync(files, { level: 6 }));
}

/** A header and `count` data rows of text. */
export function rowsOf(count: number, first = 2): string {
  const parts = [`<row r="1">${cell('A1', 'id')}${cell('B1', 'text')}</row>`];
  for (let r = first; r < first + count; r++) parts.push(`<row r="${r}">${cell(`A${r}`, String(r))}${cell(`B${r}`, `Kind nurse number ${r}`)}</row>`);
  return parts.join('');
}

/** Header, then `count` empty rows (a styled empty cell each, as spreadsheets leave behind), then one data row. */
export function emptyRowsWorkbook(count: number): Buffer {
  const parts = [`<row r="1">${cell('A1', 'id')}${cell('B1', 'text')}</row>`];
  for (let r = 2; r < 2 + count; r++) parts.push(`<row r="${r}" spans="1:2"><c r="A${r}" s="0"/><c r="B${r}" s="0"/></row>`);
  parts.push(`<row r="${2 + count}">${cell(`A${2 + count}`, 'last')}${cell(`B${2 + count}`, 'after the gap')}</row>`);
  return workbook(parts.join(''));
}

/**
 * A zip bomb: a workbook whose one cell holds `megabytes` MB of the letter a, at about 1000:1.
 * The deflate stream is written without compressing gigabytes: one MB of a, ended by a sync flush
 * (byte-aligned, referring to nothing before it), is repeated; its CRC is left 0, as a hostile file may.
 */
export function bombWorkbook(megabytes: number): Buffer {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    `<row r="1">${cell('A1', 'id')}${cell('B1', 'text')}</row><row r="2"><c r="A2" t="inlineStr"><is><t>`;
  const tail = '</t></is></c></row></sheetData></worksheet>';
  const flushed = (text: Buffer) => deflateRawSync(text, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const megabyte = flushed(Buffer.alloc(1024 * 1024, 0x61));
  const data = Buffer.concat([flushed(Buffer.from(head)), ...Array.from({ length: megabytes }, () => megabyte), deflateRawSync(Buffer.from(tail))]);
  const size = Buffer.byteLength(head) + megabytes * 1024 * 1024 + Buffer.byteLength(tail);
  const small = (text: string) => ({ data: deflateRawSync(Buffer.from(text)), size: Buffer.byteLength(text), crc: crc32(text) });
  return zipOf([
    { name: '[Content_Types].xml', ...small(CONTENT_TYPES) },
    { name: '_rels/.rels', ...small(ROOT_RELS) },
    { name: 'xl/workbook.xml', ...small(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', ...small(WORKBOOK_RELS) },
    { name: 'xl/sharedStrings.xml', ...small(SHARED_STRINGS) },
    { name: 'xl/worksheets/sheet1.xml', data, size, crc: 0 },
  ]);
}

/** A ZIP archive of deflated entries (sizes under 4 GB). */
function zipOf(entries: { name: string; data: Buffer; size: number; crc: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
