import { Readable } from 'node:stream';
import { expect, test } from 'vitest';
import { hasMessage } from '../core/i18n.ts';
import { localizeRejected, rejection } from './ingest-errors.ts';
import { ingestMessages, renderIngest } from './ingest.messages.ts';
import { BUILT_IN_SOURCES, SOURCE_KINDS } from './ingest.vocab.ts';
import { mapRecord } from './map-record.ts';
import { FileReadError, readRecords } from './readers/read-records.ts';

async function readFailure(bytes: Buffer, fileName = ''): Promise<FileReadError> {
  try {
    for await (const _ of readRecords(Readable.from([bytes]), { fileName })) {
      // reading until the error
    }
  } catch (error) {
    if (error instanceof FileReadError) return error;
    throw error;
  }
  throw new Error('expected a FileReadError');
}

test('gives a refused record a code and parameters whose English is the reason', () => {
  const result = mapRecord({ stars: '6', text: 'ok' }, { ratingRaw: 'stars', text: 'text' }, { kind: 'review' });
  if (result.ok) throw new Error('expected a rejection');
  expect(result.text).toEqual({ code: 'ingest.reject.ratingOutOfRange', params: { column: 'stars', value: '6', scale: '5' } });
  expect(renderIngest('en', result.text)).toBe(result.reason);
  expect(renderIngest('ru', result.text)).toBe('столбец «stars»: оценка «6» вне диапазона 0..5');
  expect(renderIngest('zh-CN', result.text)).toBe('列“stars”：评分“6”超出 0..5 的范围');
});

test('renders a rejected row in the reader language and keeps rows stored without a code in English', () => {
  const row = rejection(3, ingestMessages.text('reject.textEmpty', { column: 'body' }));
  expect(row).toEqual({ row: 3, reason: "column 'body': text is empty", code: 'ingest.reject.textEmpty', params: { column: 'body' } });
  const old = { row: 4, reason: 'has 3 columns, header has 4' };
  expect(localizeRejected('zh-CN', [row, old])).toEqual([{ ...row, reason: '列“body”：正文为空' }, old]);
  expect(localizeRejected('en', [row, old])).toEqual([row, old]);
});

test('names a file kind and a binary reason as words of the reader language', async () => {
  const pdf = await readFailure(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1]), 'scan');
  expect(pdf.message).toBe("cannot read 'scan': it is a PDF document");
  expect(pdf.text).toEqual({ code: 'ingest.file.isKind', params: { fileName: 'scan', magic: 'pdf' } });
  expect(renderIngest('ru', pdf.text)).toBe('не удаётся прочитать «scan»: это документ PDF');
  const nameless = await readFailure(Buffer.from('id,text\n1,\u0000\u0000\n'));
  expect(nameless.message).toBe("cannot read 'the file': the file holds NUL bytes (binary?)");
  expect(renderIngest('zh-CN', nameless.text)).toBe('无法读取“文件”：文件包含 NUL 字节（可能是二进制文件）');
});

test('names where a header is broken in the reader language', async () => {
  const error = await readFailure(Buffer.from('id,text,id\n1,a,b\n'), 'x.csv');
  expect(error.message).toBe("CSV line 1: header names 'id' twice (columns 1 and 3)");
  expect(renderIngest('ru', error.text)).toBe('CSV, строка 1: имя «id» встречается в заголовке дважды (столбцы 1 и 3)');
});

test('has a word for every source kind and a name for every built-in source', () => {
  for (const kind of SOURCE_KINDS) expect(hasMessage(`ingest.sourceKind.${kind}`), kind).toBe(true);
  for (const key of Object.keys(BUILT_IN_SOURCES)) expect(hasMessage(`ingest.builtIn.${key}`), key).toBe(true);
  expect(ingestMessages.render('en', 'builtIn.manual')).toBe(BUILT_IN_SOURCES.manual);
  expect(ingestMessages.render('en', 'builtIn.upload')).toBe(BUILT_IN_SOURCES.upload);
  expect(ingestMessages.render('en', 'builtIn.survey')).toBe(BUILT_IN_SOURCES.survey);
});
