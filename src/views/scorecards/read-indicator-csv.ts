import { parse } from 'csv-parse/sync';
import { QUALITY_INDICATORS, type QualityIndicator } from './scorecards.vocab.ts';

/**
 * The columns of a quality-indicator CSV and the header spellings each accepts in English, Chinese
 * and Russian (compared without case, spaces or punctuation), as the visit import reads headers.
 */
export const INDICATOR_COLUMNS = {
  periodStart: ['periodstart', 'start', 'from', 'startdate', '周期开始', '开始日期', '开始', '起始日期', 'началопериода', 'начало', 'датаначала', 'с'],
  periodEnd: ['periodend', 'end', 'to', 'enddate', '周期结束', '结束日期', '结束', '截止日期', 'конецпериода', 'конец', 'датаокончания', 'по'],
  department: ['department', 'dept', 'departmentcode', 'ward', '科室', '科室代码', '病区', 'отделение', 'кодотделения'],
  staff: ['staff', 'doctor', 'physician', 'staffname', '员工', '医生', '姓名', 'сотрудник', 'врач'],
  indicator: ['indicator', 'measure', 'metric', '指标', '指标名称', 'показатель'],
  events: ['events', 'numerator', 'count', 'cases', '事件数', '分子', '例数', 'события', 'числитель', 'случаи'],
  exposures: ['exposures', 'denominator', 'population', 'patients', '分母', '暴露数', '总例数', 'знаменатель', 'всего', 'пациенты'],
} as const;
export type IndicatorColumn = keyof typeof INDICATOR_COLUMNS;

/** Each indicator's names in the three languages, as a CSV may spell them (compared like headers). */
const INDICATOR_NAMES: Record<QualityIndicator, string[]> = {
  complication_rate: ['complicationrate', 'complications', 'complication', '并发症率', '并发症', 'осложнения', 'частотаосложнений', 'долясосложнениями'],
  readmission_rate: ['readmissionrate', 'readmissions', 'readmission', '再入院率', '再入院', '非计划再入院率', 'повторныегоспитализации', 'повторнаягоспитализация', 'частотаповторныхгоспитализаций'],
  incident_rate: ['incidentrate', 'incidents', 'incident', 'adverseevents', '不良事件率', '不良事件', 'инциденты', 'нежелательныесобытия', 'частотаинцидентов'],
  infection_rate: ['infectionrate', 'infections', 'infection', 'hai', '感染率', '院内感染率', '医院感染率', 'инфекции', 'внутрибольничныеинфекции', 'частотаинфекций'],
};

export const normalise = (text: string) => text.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/** The indicator a cell names (its key or a name in English, Chinese or Russian), or null. */
export function indicatorOf(cell: string): QualityIndicator | null {
  const n = normalise(cell);
  for (const key of QUALITY_INDICATORS) if (normalise(key) === n || INDICATOR_NAMES[key].includes(n)) return key;
  return null;
}

export interface IndicatorCells {
  /** The row's number in the file (the header is row 1). */
  row: number;
  cells: Record<IndicatorColumn, string | null>;
}

export type ReadResult = { ok: true; rows: IndicatorCells[] } | { ok: false; missing: IndicatorColumn | null };

/**
 * Reads the CSV (UTF-8 with or without BOM; comma, semicolon or tab separated, a header row first).
 * A file without rows or without one of the required columns (all but staff) is refused as a
 * whole; rows are checked one by one later.
 */
export function readIndicatorCsv(text: string): ReadResult {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const records = parse(body, { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  if (records.length < 2) return { ok: false, missing: null };
  const header = records[0]!.map(normalise);
  const index = {} as Record<IndicatorColumn, number>;
  for (const [column, names] of Object.entries(INDICATOR_COLUMNS) as [IndicatorColumn, readonly string[]][]) index[column] = header.findIndex((h) => names.includes(h));
  for (const column of Object.keys(INDICATOR_COLUMNS) as IndicatorColumn[]) if (column !== 'staff' && column !== 'department' && index[column] < 0) return { ok: false, missing: column };
  if (index.department < 0 && index.staff < 0) return { ok: false, missing: 'department' };
  const rows = records.slice(1).map((cells, i) => {
    const get = (c: IndicatorColumn) => {
      const v = index[c] >= 0 ? (cells[index[c]] ?? '').trim() : '';
      return v === '' ? null : v;
    };
    return { row: i + 2, cells: Object.fromEntries((Object.keys(INDICATOR_COLUMNS) as IndicatorColumn[]).map((c) => [c, get(c)])) as Record<IndicatorColumn, string | null> };
  });
  return { ok: true, rows };
}
