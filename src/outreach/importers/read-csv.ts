import { parse } from 'csv-parse/sync';
import { outreachMessages } from '../outreach.messages.ts';
import { clean, FileRefused, type ParsedFile, type ParsedVisit } from './parsed-visit.ts';

/** The columns a visit CSV may have, with the header spellings each accepts (compared without case, spaces or punctuation). */
const COLUMNS = {
  mrn: ['patientid', 'mrn', 'patient', 'patientmrn'],
  name: ['name', 'patientname', 'fullname'],
  phone: ['phone', 'mobile', 'phonenumber', 'tel'],
  email: ['email', 'mail', 'emailaddress'],
  locale: ['language', 'locale', 'lang'],
  visitId: ['visitid', 'visit', 'encounterid', 'visitnumber'],
  kind: ['kind', 'visitkind', 'type', 'visittype'],
  location: ['location', 'campus', 'site'],
  department: ['department', 'dept', 'ward'],
  doctor: ['doctor', 'physician', 'attending', 'staff'],
  startedAt: ['started', 'start', 'startedat', 'admitted', 'admittedat'],
  endedAt: ['ended', 'end', 'endedat', 'discharged', 'dischargedat'],
} as const;
type Column = keyof typeof COLUMNS;

const normalise = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

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
  if (index.mrn < 0) throw new FileRefused(outreachMessages.text('import.missingColumn', { column: 'patient id' }));
  if (index.visitId < 0) throw new FileRefused(outreachMessages.text('import.missingColumn', { column: 'visit id' }));
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
