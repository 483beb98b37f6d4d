import { expect, test } from 'vitest';
import { inferMapping, mapRecord, parseMappingSpec, type ColumnMapping } from './map-record.ts';

const mapping: ColumnMapping = {
  text: 'content',
  ratingRaw: 'stars',
  publishedAt: 'date',
  url: 'link',
  kind: 'type',
  externalId: 'id',
  lang: 'language',
};

function mapped(fields: Record<string, unknown>, ratingScale?: number) {
  const result = mapRecord({ content: 'Good doctor', ...fields }, mapping, { kind: 'review', ratingScale });
  if (!result.ok) throw new Error(`expected a mention, got: ${result.reason}`);
  return result.mention;
}

function reason(fields: Record<string, unknown>): string {
  const result = mapRecord({ content: 'Good doctor', ...fields }, mapping, { kind: 'review' });
  if (result.ok) throw new Error('expected the record to be rejected');
  return result.reason;
}

test('parses a CLI mapping spec with the column first', () => {
  expect(parseMappingSpec('评论内容=text, 星级=ratingRaw,Дата=publishedAt')).toEqual({
    text: '评论内容',
    ratingRaw: '星级',
    publishedAt: 'Дата',
  });
});

test('rejects a mapping spec with an unknown field, naming it', () => {
  expect(() => parseMappingSpec('content=text,stars=rating')).toThrow(/unknown field 'rating' in 'stars=rating'/);
});

test('rejects a mapping spec part without an equals sign', () => {
  expect(() => parseMappingSpec('content=text,stars')).toThrow("mapping part 'stars' is not of the form column=field");
});

test('rejects a mapping spec that maps a field twice', () => {
  expect(() => parseMappingSpec('a=text,b=text')).toThrow(/field 'text' is mapped twice/);
});

test('infers an English mapping, telling an id or date column from the text column', () => {
  expect(inferMapping(['review_id', 'Review Date', 'review', 'Stars', 'User', 'Branch', 'URL'])).toEqual({
    externalId: 'review_id',
    publishedAt: 'Review Date',
    text: 'review',
    ratingRaw: 'Stars',
    authorHandle: 'User',
    location: 'Branch',
    url: 'URL',
  });
});

test('infers a Chinese mapping from compound headers', () => {
  expect(inferMapping(['编号', '评论内容', '星级', '发布时间', '昵称', '院区', '科室'])).toEqual({
    externalId: '编号',
    text: '评论内容',
    ratingRaw: '星级',
    publishedAt: '发布时间',
    authorHandle: '昵称',
    location: '院区',
    department: '科室',
  });
});

test('infers a Russian mapping from inflected headers', () => {
  expect(inferMapping(['Номер', 'Текст отзыва', 'Оценка', 'Дата отзыва', 'Автор', 'Филиал', 'Отделение'])).toEqual({
    externalId: 'Номер',
    text: 'Текст отзыва',
    ratingRaw: 'Оценка',
    publishedAt: 'Дата отзыва',
    authorHandle: 'Автор',
    location: 'Филиал',
    department: 'Отделение',
  });
});

test('maps a record into a mention with the default kind', () => {
  expect(mapRecord({ content: '  Kind staff \u0007', id: 42 }, { text: 'content', externalId: 'id' }, { kind: 'comment' })).toEqual({
    ok: true,
    mention: expect.objectContaining({ kind: 'comment', text: 'Kind staff', externalId: '42', ratingRaw: null }),
  });
});

test('keeps line breaks in the text but strips other control characters', () => {
  expect(mapped({ content: 'Line one\r\nline\u0000 two' }).text).toBe('Line one\nline two');
});

test('rejects an empty text, naming the column', () => {
  expect(reason({ content: '   ' })).toBe("column 'content': text is empty");
});

test('rejects a text over 20,000 characters', () => {
  expect(reason({ content: 'a'.repeat(20_001) })).toBe("column 'content': text is 20001 characters, the limit is 20000");
});

test.each([
  ['4', 4, 5],
  ['4.5', 4.5, 5],
  ['4,5', 4.5, 5],
  ['★★★★', 4, 5],
  ['★★★☆☆', 3, 5],
  ['4/5', 4, 5],
  ['8/10', 8, 10],
  ['7 из 10', 7, 10],
  ['4分', 4, 5],
  [3, 3, 5],
])('reads the rating %j as %d on a scale of %d', (stars, ratingRaw, ratingScale) => {
  expect(mapped({ stars })).toMatchObject({ ratingRaw, ratingScale });
});

test('uses the default rating scale when the value carries none', () => {
  expect(mapped({ stars: '80' }, 100)).toMatchObject({ ratingRaw: 80, ratingScale: 100 });
});

test('rejects a rating that is not a number, quoting it', () => {
  expect(reason({ stars: 'abc' })).toBe("column 'stars': rating 'abc' is not a number");
});

test('rejects a rating above its scale', () => {
  expect(reason({ stars: '6' })).toBe("column 'stars': rating '6' is outside 0..5");
});

test.each([
  ['2024-03-05T14:20:00Z', '2024-03-05T14:20:00.000Z'],
  ['2024-03-05T14:20:00+03:00', '2024-03-05T11:20:00.000Z'],
  ['2024-03-05 14:20', '2024-03-05T14:20:00.000Z'],
  ['2024/3/5', '2024-03-05T00:00:00.000Z'],
  ['05.03.2024', '2024-03-05T00:00:00.000Z'],
  ['05.03.2024 09:30', '2024-03-05T09:30:00.000Z'],
  ['2024年3月5日', '2024-03-05T00:00:00.000Z'],
  ['2024年3月5日 14:20', '2024-03-05T14:20:00.000Z'],
  ['25/12/2024', '2024-12-25T00:00:00.000Z'],
  [45356, '2024-03-05T00:00:00.000Z'],
  ['45356.5', '2024-03-05T12:00:00.000Z'],
  [1709648400, '2024-03-05T14:20:00.000Z'],
  [1709648400000, '2024-03-05T14:20:00.000Z'],
  [new Date('2024-03-05T14:20:00Z'), '2024-03-05T14:20:00.000Z'],
])('reads the date %j', (date, iso) => {
  expect(mapped({ date }).publishedAt?.toISOString()).toBe(iso);
});

test('rejects an unreadable date, naming the value', () => {
  expect(reason({ date: 'last Tuesday' })).toBe("column 'date': date 'last Tuesday' is not a date I can read");
});

test('rejects an impossible calendar date', () => {
  expect(reason({ date: '2024-02-30' })).toContain("date '2024-02-30'");
});

test('rejects an ambiguous slashed day-month date', () => {
  expect(reason({ date: '03/05/2024' })).toContain("date '03/05/2024'");
});

test('accepts a kind from the record in any case', () => {
  expect(mapped({ type: 'Hotline Note' }).kind).toBe('hotline_note');
});

test('rejects an unknown kind', () => {
  expect(reason({ type: 'tweet' })).toMatch(/^column 'type': kind 'tweet' is not one of review, comment/);
});

test('rejects a URL that is not http(s)', () => {
  expect(reason({ link: 'javascript:alert(1)' })).toBe("column 'link': url 'javascript:alert(1)' is not an http(s) address");
});

test('truncates a long value in a reason to 40 characters', () => {
  const text = reason({ stars: 'x'.repeat(100) });
  expect(text).toBe(`column 'stars': rating '${'x'.repeat(39)}…' is not a number`);
});

test('reduces a language tag to its ISO 639-1 code', () => {
  expect(mapped({ language: 'zh-CN' }).lang).toBe('zh');
});

test('treats an empty optional cell as absent', () => {
  expect(mapped({ stars: '', date: '', link: null })).toMatchObject({ ratingRaw: null, publishedAt: null, url: null });
});
