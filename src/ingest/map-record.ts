import { MENTION_KINDS, type MentionKind } from '../mentions/mentions.vocab.ts';
import { MENTION_FIELDS, type MentionField } from './ingest.vocab.ts';
import type { Text } from '../core/i18n.ts';
import { ingestText } from './ingest-errors.ts';
import { renderIngest, type IngestMessageKey } from './ingest.messages.ts';
import type { MentionInput } from './mention-input.ts';

export { MENTION_FIELDS, type MentionField } from './ingest.vocab.ts';

/** Mention field -> the source column it is read from. */
export type ColumnMapping = Partial<Record<MentionField, string>>;

/** A mention, or why the record was refused: the English reason and its text (code and parameters) for other languages. */
export type MapRecordResult = { ok: true; mention: MentionInput } | { ok: false; reason: string; text: Text };

const MAX_TEXT_LENGTH = 20_000;
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]+/g;
const SHOWN_VALUE_LENGTH = 40;

/** Parses the CLI form "column=field,column2=field2". Throws Error naming the bad part or unknown field. */
export function parseMappingSpec(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',')) {
    if (part.trim() === '') continue;
    const equals = part.lastIndexOf('=');
    const column = part.slice(0, equals).trim();
    const fieldName = part.slice(equals + 1).trim();
    if (equals === -1 || column === '' || fieldName === '') {
      throw new Error(`mapping part '${part.trim()}' is not of the form column=field`);
    }
    const field = MENTION_FIELDS.find((known) => known.toLowerCase() === fieldName.toLowerCase());
    if (!field) throw new Error(`unknown field '${fieldName}' in '${part.trim()}'; fields are ${MENTION_FIELDS.join(', ')}`);
    if (mapping[field] !== undefined) throw new Error(`field '${field}' is mapped twice ('${mapping[field]}' and '${column}')`);
    mapping[field] = column;
  }
  return mapping;
}

/** Header names per field, normalised (lowercase, no spaces, underscores or dashes). Earlier fields win ties. */
const SYNONYMS: [MentionField, string[]][] = [
  ['externalId', ['id', 'reviewid', 'commentid', 'mentionid', 'externalid', 'postid', '编号', '序号', 'id号', 'ид', 'номер']],
  ['ratingScale', ['ratingscale', 'scale', 'maxrating', 'outof', '满分', 'шкала']],
  ['ratingRaw', ['rating', 'stars', 'star', 'score', 'grade', '评分', '星级', '分数', '打分', '评级', 'оценка', 'рейтинг', 'звезды', 'балл']],
  ['publishedAt', ['date', 'time', 'datetime', 'published', 'publishedat', 'createdat', 'created', 'timestamp', 'posted', '时间', '日期', 'дата', 'время']],
  ['authorHandle', ['author', 'user', 'username', 'nickname', 'handle', 'reviewer', '用户', '用户名', '昵称', '作者', 'автор', 'пользователь', 'ник']],
  ['url', ['url', 'link', 'href', '链接', '网址', 'ссылка']],
  ['location', ['location', 'branch', 'clinic', 'site', 'hospital', '门店', '院区', '分院', '医院', 'филиал', 'клиника']],
  ['department', ['department', 'dept', '科室', '部门', 'отделение']],
  ['lang', ['lang', 'language', 'locale', '语言', 'язык']],
  ['title', ['title', 'subject', 'headline', '标题', '主题', 'заголовок', 'тема']],
  ['kind', ['kind', 'type', 'sourcetype', '类型', 'тип', 'вид']],
  ['text', ['text', 'content', 'review', 'comment', 'body', 'message', 'feedback', '评论', '内容', '评价', '正文', '留言', 'текст', 'отзыв', 'комментарий', 'содержание']],
];

/**
 * Guesses which columns hold which fields from common en/zh/ru header names: exact names first,
 * then the head word of a compound ("review_date" ends in "date"; "Дата отзыва" starts with "дата").
 */
export function inferMapping(columns: string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<string>();
  const normalised = columns.map((column) => ({ column, name: normalise(column), words: words(column) }));
  const passes: ((entry: (typeof normalised)[number], synonym: string) => boolean)[] = [
    (entry, synonym) => entry.name === synonym,
    (entry, synonym) => headWord(entry.words, entry.column) === synonym,
    // Chinese compounds end in their head noun: 评论内容, 发布时间.
    (entry, synonym) => isCjk(synonym) && entry.name.endsWith(synonym),
    // Russian words inflect: "Текст отзыва" holds "отзыв".
    (entry, synonym) => /[\u0400-\u04ff]/.test(synonym) && entry.words.some((word) => word.startsWith(synonym)),
    (entry, synonym) => isCjk(synonym) && entry.name.includes(synonym),
  ];
  for (const matches of passes) {
    for (const [field, synonyms] of SYNONYMS) {
      if (mapping[field] !== undefined) continue;
      const found = normalised.find((entry) => !taken.has(entry.column) && synonyms.some((synonym) => matches(entry, synonym)));
      if (found) {
        mapping[field] = found.column;
        taken.add(found.column);
      }
    }
  }
  return mapping;
}

function isCjk(text: string): boolean {
  return /[\u3400-\u9fff]/.test(text);
}

function normalise(column: string): string {
  return column
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.()]+/g, '');
}

function words(column: string): string[] {
  return column
    .trim()
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_\-.()]+/)
    .filter((word) => word !== '');
}

/** English compounds put the head word last, Russian ones first. */
function headWord(columnWords: string[], column: string): string | undefined {
  if (columnWords.length < 2) return undefined;
  return /[\u0400-\u04ff]/.test(column) ? columnWords[0] : columnWords[columnWords.length - 1];
}

/** Validates and normalises one record into a MentionInput; never throws, returns a reason instead. */
export function mapRecord(fields: Record<string, unknown>, mapping: ColumnMapping, defaults: { kind: MentionKind; ratingScale?: number }): MapRecordResult {
  try {
    return { ok: true, mention: buildMention(fields, mapping, defaults) };
  } catch (error) {
    if (error instanceof RecordRejected) return { ok: false, reason: error.message, text: error.text };
    throw error;
  }
}

class RecordRejected extends Error {
  constructor(readonly text: Text) {
    super(renderIngest('en', text));
  }
}

/** Refuses the record; every reason but a missing text column names the column it read. */
function reject(key: IngestMessageKey, column: string | undefined, params: Record<string, string | number> = {}): never {
  throw new RecordRejected(ingestText(key, column === undefined ? params : { column, ...params }));
}

function show(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > SHOWN_VALUE_LENGTH ? `${text.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : text;
}

function buildMention(fields: Record<string, unknown>, mapping: ColumnMapping, defaults: { kind: MentionKind; ratingScale?: number }): MentionInput {
  const read = (field: MentionField, keepLineBreaks = false): string | null => {
    const column = mapping[field];
    if (column === undefined) return null;
    const value = fields[column];
    if (value === null || value === undefined) return null;
    let text: string;
    if (typeof value === 'string') text = value;
    else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
    else if (value instanceof Date) text = value.toISOString();
    else reject('reject.notText', column, { field, value: show(value) });
    const cleaned = keepLineBreaks ? text.replace(/\r\n?/g, '\n').replace(CONTROL_EXCEPT_LINE_BREAKS, '') : text.replace(CONTROL_CHARACTERS, ' ');
    const trimmed = cleaned.trim();
    return trimmed === '' ? null : trimmed;
  };

  const text = read('text', true);
  if (mapping.text === undefined) reject('reject.noTextColumn', undefined);
  if (text === null) reject('reject.textEmpty', mapping.text);
  if (text.length > MAX_TEXT_LENGTH) reject('reject.textTooLong', mapping.text, { length: text.length, limit: MAX_TEXT_LENGTH });

  const kindValue = read('kind');
  let kind = defaults.kind;
  if (kindValue !== null) {
    const lowered = kindValue.toLowerCase().replace(/[\s-]+/g, '_');
    if (!(MENTION_KINDS as readonly string[]).includes(lowered)) {
      reject('reject.badKind', mapping.kind, { value: show(kindValue), kinds: MENTION_KINDS.join(', ') });
    }
    kind = lowered as MentionKind;
  }

  const url = read('url');
  if (url !== null && !isHttpUrl(url)) reject('reject.badUrl', mapping.url, { value: show(url) });

  const scaleValue = read('ratingScale');
  let scale: number | null = null;
  if (scaleValue !== null) {
    scale = parseDecimal(scaleValue);
    if (scale === null || scale <= 0) reject('reject.badScale', mapping.ratingScale, { value: show(scaleValue) });
  }
  const ratingValue = mapping.ratingRaw === undefined ? undefined : fields[mapping.ratingRaw];
  let ratingRaw: number | null = null;
  const ratingText = read('ratingRaw');
  if (ratingText !== null) {
    const parsed = typeof ratingValue === 'number' ? { value: ratingValue, scale: null } : parseRating(ratingText);
    if (parsed === null || !Number.isFinite(parsed.value)) reject('reject.ratingNotNumber', mapping.ratingRaw, { value: show(ratingText) });
    ratingRaw = parsed.value;
    scale = parsed.scale ?? scale ?? defaults.ratingScale ?? 5;
    if (ratingRaw < 0 || ratingRaw > scale) reject('reject.ratingOutOfRange', mapping.ratingRaw, { value: show(ratingText), scale });
  }

  const mention: MentionInput = {
    kind,
    text,
    externalId: read('externalId'),
    url,
    authorHandle: read('authorHandle'),
    ratingRaw,
    ratingScale: scale,
    title: read('title'),
    lang: normaliseLang(read('lang')),
    publishedAt: readDate(fields, mapping),
    location: read('location'),
    department: read('department'),
  };
  return mention;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function parseDecimal(text: string): number | null {
  const normalisedText = text.trim().replace(/^(\d+),(\d+)$/, '$1.$2');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(normalisedText)) return null;
  return Number(normalisedText);
}

/** "4", "4.5", "4,5", "★★★★☆", "4/5", "8/10", "4 из 5", "4 of 5", "4分", "4 stars". */
function parseRating(text: string): { value: number; scale: number | null } | null {
  const stars = /^[★☆✩✪⭐\s]+$/u.test(text) ? [...text].filter((char) => char === '★' || char === '⭐').length : -1;
  if (stars >= 0) {
    const total = [...text].filter((char) => char !== ' ').length;
    return { value: stars, scale: total > 5 ? total : null };
  }
  const outOf = /^(\S+?)\s*(?:\/|из|of|out of)\s*(\S+)$/i.exec(text);
  if (outOf) {
    const value = parseDecimal(outOf[1]!);
    const scale = parseDecimal(outOf[2]!);
    if (value === null || scale === null || scale <= 0) return null;
    return { value, scale };
  }
  const value = parseDecimal(text.replace(/\s*(分|星|stars?|points?|балл\S*|звезд\S*)$/i, ''));
  return value === null ? null : { value, scale: null };
}

function normaliseLang(value: string | null): string | null {
  if (value === null) return null;
  const match = /^([a-z]{2})(?:[-_][a-z0-9]+)*$/i.exec(value);
  // Anything else is left for language detection rather than rejecting the mention.
  return match ? match[1]!.toLowerCase() : null;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** Dates without an offset are taken as UTC; the org's time zone is applied downstream. */
function readDate(fields: Record<string, unknown>, mapping: ColumnMapping): Date | null {
  const column = mapping.publishedAt;
  if (column === undefined) return null;
  const value = fields[column];
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
  const date = value instanceof Date ? value : typeof value === 'number' ? fromNumber(value) : typeof value === 'string' ? parseDate(value.trim()) : null;
  if (date === null || Number.isNaN(date.getTime())) reject('reject.badDate', column, { value: show(value) });
  return date;
}

function fromNumber(value: number): Date | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  if (value < 200_000) return new Date(EXCEL_EPOCH_MS + Math.round(value * DAY_MS)); // Excel serial day
  if (value >= 1e8 && value < 1e11) return new Date(value * 1000); // unix seconds
  if (value >= 1e11 && value < 1e14) return new Date(value); // unix milliseconds
  return null;
}

function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date | null {
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isReal && hour < 24 && minute < 60 && second < 61 ? date : null;
}

const TIME = String.raw`(?:[ T]+(\d{1,2})[:时](\d{2})(?:[:分](\d{2}))?秒?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?${TIME}$`);
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[./](\d{1,2})[./](\d{4})${TIME}$`);

function parseDate(text: string): Date | null {
  if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text));
  // ISO 8601 with an offset or Z: the platform said which instant it meant.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return new Date(text);
  const time = (match: RegExpExecArray, from: number): [number, number, number] => [Number(match[from] ?? 0), Number(match[from + 1] ?? 0), Number(match[from + 2] ?? 0)];
  const yearFirst = YEAR_FIRST.exec(text.replace(/(\d{2}:\d{2}:\d{2})\.\d+$/, '$1'));
  if (yearFirst) return utc(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]), ...time(yearFirst, 4));
  const dayFirst = DAY_FIRST.exec(text);
  if (dayFirst) {
    let day = Number(dayFirst[1]);
    let month = Number(dayFirst[2]);
    // "05.03.2024" is day-first (Russian/European); with slashes only an unambiguous date is read.
    if (text.includes('/')) {
      if (day <= 12 && month <= 12 && day !== month) return null;
      if (month > 12) [day, month] = [month, day];
    }
    return utc(Number(dayFirst[3]), month, day, ...time(dayFirst, 4));
  }
  // RFC 2822 and other spelled-out forms ("Tue, 05 Mar 2024 14:20:00 GMT").
  if (/[a-z]{3}/i.test(text) && /\d{4}/.test(text)) {
    const parsed = Date.parse(text);
    return Number.isNaN(parsed) ? null : new Date(parsed);
  }
  return null;
}
