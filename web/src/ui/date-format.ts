/**
 * Dates typed and shown in the reader's format (zh-CN 2026/12/01, ru 01.12.2026, en-US 12/01/2026)
 * while the value the app keeps is ISO (`2026-12-01`, with a time `2026-12-01T14:30`). Pure, so the
 * rules are tested without a browser; ui/DateField.tsx is the control.
 */

export type DatePart = 'year' | 'month' | 'day';

export interface DatePattern {
  /** The order of the parts as the locale writes them. */
  order: DatePart[];
  /** What stands between them: '/', '.', '-'. */
  separator: string;
}

/** The numeric date pattern of a BCP 47 locale, from Intl itself. */
export function datePattern(locale: string): DatePattern {
  const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 11, 31, 12)));
  const order = parts.filter((p): p is Intl.DateTimeFormatPart & { type: DatePart } => p.type === 'year' || p.type === 'month' || p.type === 'day').map((p) => p.type);
  const literal = parts.find((p) => p.type === 'literal')?.value.trim() || '/';
  return { order: order.length === 3 ? order : ['year', 'month', 'day'], separator: literal };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-12-01` as the pattern writes it; '' for an empty or malformed value. */
export function formatIsoDate(iso: string, pattern: DatePattern): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return '';
  const values: Record<DatePart, string> = { year: m[1]!, month: m[2]!, day: m[3]! };
  return pattern.order.map((p) => values[p]).join(pattern.separator);
}

/**
 * What a person typed, as an ISO date: in the pattern's order with any separator, or ISO itself
 * (a first part of four digits reads year-month-day). '' for nothing typed; null for a date that
 * is not one (31.02.2026, 2026/13/01, letters).
 */
export function parseLocalDate(text: string, pattern: DatePattern): string | null {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const numbers = trimmed.split(/[^\d]+/).filter(Boolean);
  if (numbers.length !== 3 || !/^[\d\s./\-年月日]+$/.test(trimmed)) return null;
  const order: DatePart[] = numbers[0]!.length === 4 ? ['year', 'month', 'day'] : pattern.order;
  const value: Record<DatePart, number> = { year: 0, month: 0, day: 0 };
  order.forEach((part, i) => (value[part] = Number(numbers[i])));
  if (String(value.year).length !== 4 || numbers[order.indexOf('year')]!.length !== 4) return null;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (date.getUTCFullYear() !== value.year || date.getUTCMonth() !== value.month - 1 || date.getUTCDate() !== value.day) return null;
  return `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}`;
}

/** `14:30`, `9:05`, `1430` as `HH:MM` (24 hours); '' for nothing; null for no time of day. */
export function parseTime(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const m = /^(\d{1,2})(?:[:.\sh时]?(\d{2}))?(?:分)?$/.exec(trimmed);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] ?? '0');
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** The locale whose numeric date format the UI language uses: English follows the browser's region (en-GB writes 31/12/2026). */
export function dateLocale(uiLocale: string, browserLanguage: string | undefined): string {
  if (uiLocale === 'en') return browserLanguage?.toLowerCase().startsWith('en') ? browserLanguage : 'en-US';
  return uiLocale;
}
