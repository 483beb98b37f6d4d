import { parse } from 'csv-parse/sync';
import { outreachMessages } from '../outreach.messages.ts';
import { clean, FileRefused, type ParsedFile, type ParsedVisit } from './parsed-visit.ts';

/**
 * The columns a visit CSV may have, with the header spellings each accepts in English, Chinese and
 * Russian, as hospital systems export them (compared without case, spaces or punctuation).
 */
const COLUMNS = {
  mrn: ['patientid', 'mrn', 'patient', 'patientmrn', '病历号', '患者编号', '患者id', '病案号', '门诊号', '住院号', 'идпациента', 'номерпациента', 'номеркарты', 'медкарта'],
  name: ['name', 'patientname', 'fullname', '姓名', '患者姓名', 'фио', 'имя', 'пациент'],
  phone: ['phone', 'mobile', 'phonenumber', 'tel', '电话', '手机', '手机号', '联系电话', 'телефон', 'мобильный'],
  email: ['email', 'mail', 'emailaddress', '邮箱', '电子邮箱', 'почта', 'электроннаяпочта'],
  locale: ['language', 'locale', 'lang', '语言', 'язык'],
  visitId: ['visitid', 'visit', 'encounterid', 'visitnumber', '就诊号', '就诊编号', '就诊id', 'номервизита', 'идвизита', 'визит'],
  kind: ['kind', 'visitkind', 'type', 'visittype', '就诊类型', '类型', 'тип', 'типвизита'],
  location: ['location', 'campus', 'site', '院区', '地点', 'филиал', 'клиника'],
  department: ['department', 'dept', 'ward', '科室', '病区', 'отделение'],
  doctor: ['doctor', 'physician', 'attending', 'staff', '医生', '主治医生', 'врач'],
  startedAt: ['started', 'start', 'startedat', 'admitted', 'admittedat', '开始时间', '就诊时间', '入院时间', 'начало', 'датавизита', 'поступление'],
  endedAt: ['ended', 'end', 'endedat', 'discharged', 'dischargedat', '结束时间', '出院时间', 'окончание', 'выписка'],
} as const;
type Column = keyof typeof COLUMNS;

const normalise = (header: string) => header.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');

/**
 * Reads a visit CSV (comma, semicolon or tab separated, a header row first). A file without a
 * patient id or visit id column is refused as a whole; rows are checked later, one by one.
 */
export function readVisitCsv(text: string): ParsedFile {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].sort((a, b) => firstLine.split(b).length - firstLine.split(a).length)[0]!;
  const records = parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  if (records.length < 2) throw new FileRefused(outreachMessages.text('import.empty'));
  const header = records[0]!.map(normalise);
  const index = {} as Record<Column, number>;
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) index[column] = header.findIndex((h) => names.includes(h));
  if (index.mrn < 0) throw new FileRefused(outreachMessages.text('import.missingColumn', { column: outreachMessages.text('column.mrn') }));
  if (index.visitId < 0) throw new FileRefused(outreachMessages.text('import.missingColumn', { column: outreachMessages.text('column.visitId') }));
  const visits: ParsedVisit[] = records.slice(1).map((cells, i) => {
    const get = (column: Column) => (index[column] >= 0 ? clean(cells[index[column]]) : null);
    return {
      ref: { unit: 'row', n: i + 2 },
      mrn: get('mrn'),
      name: get('name'),
      phone: get('phone'),
      email: get('email'),
      locale: get('locale'),
      visitId: get('visitId'),
      kind: get('kind')?.toLowerCase().replace(/[\s-]/g, '_') ?? null,
      location: get('location'),
      department: get('department'),
      doctor: get('doctor'),
      startedAt: get('startedAt'),
      endedAt: get('endedAt'),
    };
  });
  return { visits, rejected: [] };
}
