import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { expect, test } from 'vitest';
import { detectFormat, FileReadError, readRecords, type ReadRecordsOptions } from './read-records.ts';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

async function collect(input: NodeJS.ReadableStream | string, options: ReadRecordsOptions = {}) {
  const items = [];
  for await (const item of readRecords(input, options)) items.push(item);
  return items;
}

/** Feeds the bytes in tiny chunks so every multi-byte character and quote can fall on a boundary. */
function trickle(bytes: Buffer, size = 3): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return Readable.from(chunks);
}

async function failure(input: NodeJS.ReadableStream | string, options: ReadRecordsOptions = {}): Promise<FileReadError> {
  const error = await collect(input, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(FileReadError);
  return error as FileReadError;
}

test('reads a semicolon CSV with a BOM, a quoted newline and decimal commas', async () => {
  const items = await collect(fixture('semicolon-utf8.csv'));
  expect(items[0]).toEqual({
    row: 2,
    fields: { id: '1', text: 'Doctor was kind;\nthe wait was long', rating: '4,5', date: '2024-03-05' },
  });
});

test('reports a row with the wrong column count and reads on, numbering rows by file line', async () => {
  const items = await collect(fixture('semicolon-utf8.csv'));
  expect(items.slice(1)).toEqual([
    { row: 4, error: 'has 3 columns, header has 4 (a value that holds the delimiter needs quotes around it)' },
    { row: 5, fields: { id: '3', text: 'Clean rooms', rating: '5', date: '2024-03-07' } },
  ]);
});

test('detects GB18030 and decodes Chinese text', async () => {
  const items = await collect(fixture('zh-gb18030.csv'));
  expect(items).toHaveLength(3);
  expect(items[1]).toMatchObject({ row: 3, fields: { 评论内容: '挂号排队时间太长了，"一小时"', 门店: '西院区' } });
});

test('detects Windows-1251 and decodes Russian text', async () => {
  const items = await collect(fixture('ru-windows-1251.csv'));
  expect(items[1]).toMatchObject({ row: 3, fields: { 'Текст отзыва': 'Очередь в регистратуру — больше часа', Оценка: '2' } });
});

test('reads the same records when the bytes arrive a few at a time', async () => {
  const bytes = iconv.encode('编号,评论内容\r\n1,"医生很耐心，""好""\r\n第二行"\r\n2,护士态度不好\r\n', 'gb18030');
  const items = await collect(trickle(bytes), { format: 'csv', encoding: 'gb18030' });
  expect(items).toEqual([
    { row: 2, fields: { 编号: '1', 评论内容: '医生很耐心，"好"\r\n第二行' } },
    { row: 4, fields: { 编号: '2', 评论内容: '护士态度不好' } },
  ]);
});

test('reads old Mac line endings (CR only)', async () => {
  const items = await collect(trickle(Buffer.from('id,text\r1,a\r2,b\r'), 1), { format: 'csv' });
  expect(items).toEqual([
    { row: 2, fields: { id: '1', text: 'a' } },
    { row: 3, fields: { id: '2', text: 'b' } },
  ]);
});

test('uses the delimiter it is given', async () => {
  const items = await collect(Readable.from([Buffer.from('a|b,c\n1|2,3\n')]), { format: 'csv', delimiter: '|' });
  expect(items).toEqual([{ row: 2, fields: { a: '1', 'b,c': '2,3' } }]);
});

test('detects a tab delimiter', async () => {
  const items = await collect(Readable.from([Buffer.from('id\ttext\trating\n1\thello, world\t5\n')]), { format: 'csv' });
  expect(items).toEqual([{ row: 2, fields: { id: '1', text: 'hello, world', rating: '5' } }]);
});

test('splits a .tsv file on tabs even when commas look as likely', async () => {
  const items = await collect(Readable.from([Buffer.from('id\ttext, with comma\n1\thello, world\n')]), { fileName: 'x.tsv' });
  expect(items).toEqual([{ row: 2, fields: { id: '1', 'text, with comma': 'hello, world' } }]);
});

test('skips blank lines without shifting row numbers', async () => {
  const items = await collect(Readable.from([Buffer.from('id,text\n\n1,a\n\n\n2,b')]), { format: 'csv' });
  expect(items).toEqual([
    { row: 3, fields: { id: '1', text: 'a' } },
    { row: 6, fields: { id: '2', text: 'b' } },
  ]);
});

test('refuses a CSV that ends inside a quoted field, naming the line', async () => {
  const error = await failure(fixture('truncated.csv'));
  expect(error.message).toBe('row 3: a quote opened in column 2 is never closed (close it, or double a quote inside the text; the file may also be cut off)');
});

test('refuses an empty file', async () => {
  expect((await failure(Readable.from([]), { fileName: 'empty.csv' })).message).toBe('file is empty');
});

test('refuses a header with a duplicate name', async () => {
  const error = await failure(Readable.from([Buffer.from('id,text,id\n1,a,2\n')]), { format: 'csv' });
  expect(error.message).toContain("header names 'id' twice (columns 1 and 3)");
});

test('refuses a header with an empty name', async () => {
  const error = await failure(Readable.from([Buffer.from('id,,text\n1,a,b\n')]), { format: 'csv' });
  expect(error.message).toContain('header column 2 has no name');
});

test('refuses a file of only blank lines as having no header', async () => {
  const error = await failure(Readable.from([Buffer.from('\n\n  \n')]), { format: 'csv' });
  expect(error.message).toContain('no header row');
});

test('refuses an image uploaded as CSV', async () => {
  const error = await failure(fixture('picture.png'), { format: 'csv' });
  expect(error.message).toBe('expected CSV but the file is a PNG image');
});

test('refuses a file with NUL bytes as binary', async () => {
  const error = await failure(Readable.from([Buffer.from('id,text\n1,\u0000\u0000\u0000\n')]), { format: 'csv' });
  expect(error.message).toContain('NUL bytes');
});

test('reads an XLSX with rich text, formula results and dates as Date', async () => {
  const items = await collect(fixture('reviews.xlsx'));
  expect(items[0]).toEqual({
    row: 2,
    fields: { id: 'r1', text: 'Great doctor', rating: 5, date: new Date(Date.UTC(2024, 2, 5, 14, 20)), link: 'review page' },
  });
  expect(items[1]).toMatchObject({ row: 3, fields: { rating: 2, link: null } });
});

test('reports an XLSX row wider than the header by its sheet row number', async () => {
  const items = await collect(fixture('reviews.xlsx'));
  expect(items[2]).toEqual({ row: 5, error: 'has 6 columns, header has 5 (a value that holds the delimiter needs quotes around it)' });
});

test('refuses an XLSX that is not a zip', async () => {
  const error = await failure(Readable.from([Buffer.from('id,text\n1,a\n')]), { fileName: 'reviews.xlsx' });
  expect(error.message).toMatch(/^not a readable XLSX file/);
});

test('refuses a zip that is cut short as an unreadable XLSX', async () => {
  const { readFile } = await import('node:fs/promises');
  const bytes = await readFile(fixture('reviews.xlsx'));
  const error = await failure(Readable.from([bytes.subarray(0, 1500)]), { fileName: 'reviews.xlsx' });
  expect(error.message).toMatch(/^the XLSX file is cut off or damaged: /);
});

test('streams a JSON array and reports an element that is not an object', async () => {
  const items = await collect(fixture('mentions.json'));
  expect(items.map((item) => ('error' in item ? item : item.row))).toEqual([1, { row: 2, error: 'is a string, not an object' }, 3]);
  expect(items[0]).toMatchObject({ fields: { text: 'Doctor listened carefully, "thank you"', nested: { tags: ['[', ']'] } } });
});

test('reads a JSON array arriving a byte at a time', async () => {
  const text = '[{"text":"a,]\\"}"},\n {"text":"б"}]';
  const items = await collect(trickle(Buffer.from(text), 1), { format: 'json' });
  expect(items).toEqual([
    { row: 1, fields: { text: 'a,]"}' } },
    { row: 2, fields: { text: 'б' } },
  ]);
});

test('reads the array under "reviews" in a JSON object', async () => {
  const items = await collect(Readable.from([Buffer.from('{"total":1,"reviews":[{"text":"ok"}]}')]), { format: 'json' });
  expect(items).toEqual([{ row: 1, fields: { text: 'ok' } }]);
});

test('refuses a JSON array that does not close as truncated', async () => {
  const error = await failure(Readable.from([Buffer.from('[{"text":"a"},{"text":"b')]), { format: 'json' });
  expect(error.message).toMatch(/^truncated JSON: /);
});

test('reads JSONL, skipping blank lines and reporting a bad line with its reason', async () => {
  const items = await collect(fixture('mentions.jsonl'));
  expect(items[0]).toEqual({ row: 1, fields: { id: 'j1', text: 'Friendly staff' } });
  expect(items[1]).toMatchObject({ row: 3, error: expect.stringMatching(/^invalid JSON: .*Unterminated string/) });
  expect(items.slice(2)).toEqual([
    { row: 4, fields: { id: 'j4', text: 'Clean' } },
    { row: 5, error: 'is an array, not an object' },
  ]);
});

test('stops reading the stream when the caller stops early', async () => {
  const stream = Readable.from(['id,text\n', '1,a\n', '2,b\n'].map((line) => Buffer.from(line)));
  for await (const item of readRecords(stream, { format: 'csv' })) {
    expect(item).toEqual({ row: 2, fields: { id: '1', text: 'a' } });
    break;
  }
  expect(stream.destroyed).toBe(true);
});

test('detects the format from the extension before the content', () => {
  expect(detectFormat('export.JSONL', Buffer.from('id,text'))).toBe('jsonl');
  expect(detectFormat('export.ndjson', Buffer.from(''))).toBe('jsonl');
});

test('sniffs the format when the name has no known extension', () => {
  expect(detectFormat('upload', Buffer.from('PK\u0003\u0004rest'))).toBe('xlsx');
  expect(detectFormat('upload', Buffer.from('  [{"a":1}]'))).toBe('json');
  expect(detectFormat('upload', Buffer.from('{"a":1}\n{"a":2}\n'))).toBe('jsonl');
  expect(detectFormat('upload', Buffer.from('{\n"items":[]}'))).toBe('json');
  expect(detectFormat('upload', Buffer.from('id;text\n1;a'))).toBe('csv');
});

test('names what it saw when it cannot detect the format', () => {
  expect(() => detectFormat('scan.bin', Buffer.from('%PDF-1.7'))).toThrow("cannot read 'scan.bin': it is a PDF document");
  expect(() => detectFormat('old.xls', Buffer.from('x'))).toThrow(FileReadError);
});
