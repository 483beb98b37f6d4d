import { expect, test } from 'vitest';
import { fhirBundle, HL7_A01, HL7_A03 } from '../test-fixtures/fixtures.ts';
import iconv from 'iconv-lite';
import { checkVisit, parseVisitTime, type OrgRefs } from './check-visit.ts';
import { decodeVisitFile } from './decode-file.ts';
import { FileRefused } from './parsed-visit.ts';
import { readVisitCsv } from './read-csv.ts';
import { readFhirBundle } from './read-fhir.ts';
import { hl7Time, readHl7Messages } from './read-hl7.ts';

const refs: OrgRefs = {
  locations: [{ id: 'L1', code: 'north', name: 'North campus' }],
  departments: [{ id: 'D1', code: 'card', name: 'Cardiology', location_id: 'L1' }],
  staff: [{ id: 'S1', name: 'Anna Ivanova', aliases: ['Иванова'], department_id: 'D1' }],
  timezone: 'Europe/Moscow',
};

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof FileRefused) return error.reason.code;
    throw error;
  }
  throw new Error('not refused');
};

test('reads a CSV by its headers in any order and any separator, and checks each row against the organisation', () => {
  const csv = [
    'Visit ID;Patient ID;Name;Phone;E-mail;Language;Kind;Location;Department;Doctor;Started;Ended',
    'V1;M1;Ivan Testov;+7 900 000 00 01;ivan@example.test;ru;outpatient;north;Cardiology;Dr. Anna Ivanova;2026-11-30 10:00;2026-11-30 10:40',
    'V2;;No Mrn;;;;;;;;;',
    'V3;M3;Bad Date;;;;;;;;yesterday;',
    'V4;M4;Bad Place;;;;;South;;;;',
    'V5;M5;Bad Kind;;;;spa;;;;;',
  ].join('\n');
  const { visits } = readVisitCsv(csv);
  expect(visits).toHaveLength(5);
  const first = checkVisit(visits[0]!, refs);
  expect(first).toMatchObject({ mrn: 'M1', visitId: 'V1', locale: 'ru', kind: 'outpatient', locationId: 'L1', departmentId: 'D1', staffId: 'S1' });
  // 10:40 in Moscow (UTC+3) is 07:40 UTC.
  expect((first as { endedAt: Date }).endedAt.toISOString()).toBe('2026-11-30T07:40:00.000Z');
  const reasons = visits.slice(1).map((v) => (checkVisit(v, refs) as { reason: { code: string } }).reason.code);
  expect(reasons).toEqual(['outreach.row.missingMrn', 'outreach.row.badDate', 'outreach.row.unknownLocation', 'outreach.row.badKind']);
  expect(visits[1]!.ref).toEqual({ unit: 'row', n: 3 });
});

test('refuses a CSV without a patient id or visit id column', () => {
  expect(refusal(() => readVisitCsv('name,phone\nIvan,1\n'))).toBe('outreach.import.missingColumn');
});

test('reads a FHIR R4 bundle: contained and bundle-level patients, class, period, provider, location and participant', () => {
  const ended = [new Date('2026-11-30T08:00:00Z'), new Date('2026-11-30T09:00:00Z'), new Date('2026-11-30T10:00:00Z')];
  const { visits, rejected } = readFhirBundle(fhirBundle({ ended }));
  expect(rejected).toEqual([]);
  expect(visits.map((v) => [v.mrn, v.visitId, v.kind, v.locale, v.phone, v.email])).toEqual([
    ['F-1', 'FHIR-V0-F-1', 'outpatient', 'ru', '+79000000100', 'maria0@example.test'],
    ['F-2', 'FHIR-V1-F-2', 'inpatient', 'en', '+79000000101', 'maria1@example.test'],
    ['F-3', 'FHIR-V2-F-3', 'outpatient', 'en', '+79000000102', 'maria2@example.test'],
  ]);
  const checked = checkVisit(visits[0]!, refs);
  expect(checked).toMatchObject({ locationId: 'L1', departmentId: 'D1', staffId: 'S1', name: 'Maria Testova0' });
  expect((checked as { endedAt: Date }).endedAt.toISOString()).toBe('2026-11-30T08:00:00.000Z');
});

test('refuses non-Bundle and non-R4 FHIR, and names entries that are not encounters or lack their patient', () => {
  expect(refusal(() => readFhirBundle('{"resourceType":"Patient"}'))).toBe('outreach.import.notBundle');
  expect(refusal(() => readFhirBundle('{"resourceType":"Bundle","meta":{"fhirVersion":"3.0.2"},"entry":[]}'))).toBe('outreach.import.notR4');
  expect(refusal(() => readFhirBundle('{"resourceType":'))).toBe('outreach.import.notJson');
  const { visits, rejected } = readFhirBundle(
    JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Observation' } }, { resource: { resourceType: 'Encounter', id: 'x', subject: { reference: 'Patient/nobody' } } }] }),
  );
  expect(visits).toEqual([]);
  expect(rejected.map((r) => [r.ref.n, r.reason.code])).toEqual([
    [1, 'outreach.import.notEncounter'],
    [2, 'outreach.import.noSubject'],
  ]);
});

test('reads HL7 v2 ADT^A03 by hand and refuses other message types with their type', () => {
  const { visits, rejected } = readHl7Messages(`${HL7_A03}\n${HL7_A01}\n`);
  expect(visits).toHaveLength(1);
  expect(visits[0]).toMatchObject({
    mrn: 'MRN-H1',
    name: 'Иван Петров',
    phone: '+7 900 000-00-01',
    email: 'ivan.petrov@example.test',
    locale: 'ru',
    visitId: 'V-H1',
    kind: 'inpatient',
    location: 'NORTH',
    department: 'CARD',
    doctor: 'Anna Ivanova',
    startedAt: '2026-11-28T09:00:00',
    endedAt: '2026-11-30T15:00:00',
  });
  expect(rejected).toEqual([{ ref: { unit: 'message', n: 2 }, reason: { code: 'outreach.import.notA03', params: { n: 2, type: 'ADT^A01' } } }]);
  expect(checkVisit(visits[0]!, refs)).toMatchObject({ locationId: 'L1', departmentId: 'D1', staffId: 'S1' });
});

test('HL7 honours the separators MSH declares and its escapes', () => {
  const msg = ['MSH#*~\\&#HIS#X#V#C#202611301530##ADT*A03#1#P#2.5', 'PID#1##M9*1**X*MR##Smith \\T\\ Co*Ann', 'PV1#1#E#ER' + '#'.repeat(16) + 'V9' + '#'.repeat(25) + '202611301400+0300'].join('\n');
  const { visits } = readHl7Messages(msg);
  expect(visits[0]).toMatchObject({ mrn: 'M9', name: 'Ann Smith & Co', kind: 'emergency', visitId: 'V9', department: 'ER', startedAt: '2026-11-30T14:00:00+03:00' });
});

test('times: HL7 TS, local times in the organisation time zone, offsets kept', () => {
  expect(hl7Time('20261130')).toBe('2026-11-30T00:00:00');
  expect(parseVisitTime('2026-11-30T12:00:00Z', 'Asia/Shanghai')!.toISOString()).toBe('2026-11-30T12:00:00.000Z');
  expect(parseVisitTime('2026-11-30 12:00', 'Asia/Shanghai')!.toISOString()).toBe('2026-11-30T04:00:00.000Z');
  expect(parseVisitTime('2026-07-01 12:00', 'America/New_York')!.toISOString()).toBe('2026-07-01T16:00:00.000Z');
  expect(parseVisitTime('30/11/2026', 'UTC')).toBeNull();
});

test('a CSV exported in GB18030 (GBK) reads as the same text as in UTF-8', () => {
  const text = 'patient id,name,visit id\nM1,王小明,V1\n';
  expect(decodeVisitFile(iconv.encode(text, 'gb18030'))).toBe(text);
  expect(decodeVisitFile(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe(text);
  expect(readVisitCsv(decodeVisitFile(iconv.encode(text, 'gbk'))).visits[0]!.name).toBe('王小明');
});

test('reads the Chinese and Russian headers hospital systems export', () => {
  const zh = readVisitCsv('病历号,姓名,手机号,就诊号,就诊类型,科室,出院时间\nM9,张三,13800000000,V9,住院,Cardiology,2026-11-30 10:40\n');
  expect(checkVisit(zh.visits[0]!, refs)).toMatchObject({ mrn: 'M9', name: '张三', phone: '13800000000', visitId: 'V9', kind: 'inpatient', departmentId: 'D1' });
  const ru = readVisitCsv('Номер карты;ФИО;Телефон;Номер визита;Тип;Врач\nM8;Иван Тестов;+7 900 000 00 02;V8;Дневной стационар;Иванова\n');
  expect(checkVisit(ru.visits[0]!, refs)).toMatchObject({ mrn: 'M8', name: 'Иван Тестов', visitId: 'V8', kind: 'day_case', staffId: 'S1' });
});
