import { test, expect } from 'vitest';
import { createStaffMatcher, isFirmStaffMatch, type RosterMember } from './match-staff.ts';
import { toSimplified } from './text.ts';

const zhRoster: RosterMember[] = [
  { id: 'wang-chief', name: '王德明', title: '主任医师', department: '骨科' },
  { id: 'wang-dentist', name: '王小川', title: '主治医师', department: '口腔科' },
  { id: 'wang-headnurse', name: '王秀英', title: '护士长', department: '儿科' },
  { id: 'liu-desk', name: '刘晓', title: '前台', department: '客服中心' },
  { id: 'chen-pharm', name: '陈红', title: '药剂师', department: '药房' },
];
const twRoster: RosterMember[] = [
  { id: 'lin-doc', name: '林建宏', title: '主治醫師', department: '家醫科' },
  { id: 'lin-nurse', name: '林佩君', title: '護理師', department: '小兒科' },
  { id: 'chan-doc', name: '陳家豪', title: '醫生', department: '普通科' },
  { id: 'chan-nurse', name: '陳美華', title: '註冊護士', department: '急症室' },
];
const ruRoster: RosterMember[] = [
  { id: 'orlova', name: 'Орлова Наталья Сергеевна', title: 'врач-терапевт', department: 'терапия' },
  { id: 'orlov', name: 'Орлов Павел Ильич', title: 'хирург', department: 'хирургия' },
  { id: 'lebedeva', name: 'Лебедева Елена Юрьевна', title: 'медсестра', department: 'процедурный кабинет' },
  { id: 'zaitsev', name: 'Зайцев Андрей Петрович', title: 'заведующий отделением', department: 'кардиология' },
  { id: 'belova', name: 'Белова Анна Викторовна', title: 'администратор', department: 'регистратура' },
];
const enRoster: RosterMember[] = [
  { id: 'jones-surgeon', name: 'Mark Jones', title: 'Consultant orthopaedic surgeon', department: 'Orthopaedics' },
  { id: 'jones-nurse', name: 'Helen Jones', title: 'Nurse', department: 'Emergency' },
  { id: 'ward-tom', name: 'Thomas Reid', title: 'Nurse', department: 'Ward 4' },
  { id: 'desk-amy', name: 'Amy Clark', title: 'Receptionist', department: 'Front desk' },
  { id: 'physio-sam', name: 'Sunil Shah', title: 'Physiotherapist', department: 'Physiotherapy' },
  { id: 'sister-grace', name: 'Grace Adeyemi', title: 'Ward sister', department: 'Maternity' },
];

function matcher(roster: RosterMember[]) {
  const match = createStaffMatcher(roster);
  return (text: string, department: string | null = null) => match(text, toSimplified(text), department);
}
const zh = matcher(zhRoster);
const tw = matcher(twRoster);
const ru = matcher(ruRoster);
const en = matcher(enRoster);
const ids = (results: { id: string }[]): string[] => results.map((result) => result.id).sort();

test.each([
  ['王主任的手术很成功', 'wang-chief', '王主任'],
  ['王护士长对孩子很耐心', 'wang-headnurse', '王护士长'],
  ['前台小刘态度很差', 'liu-desk', '前台小刘'],
  ['陈药师讲得很清楚', 'chen-pharm', '陈药师'],
])('uses the title to name the one zh member it fits: %s', (text, id, evidence) => {
  const [result, ...rest] = zh(text);
  expect(rest).toHaveLength(0);
  expect(result!.id).toBe(id);
  expect(text.slice(...result!.span)).toBe(evidence);
  expect(isFirmStaffMatch(result!)).toBe(true);
});

test.each([
  ['林醫師看得很仔細', 'lin-doc'],
  ['林醫生很有耐心', 'lin-doc'],
  ['林護理師打針一點都不痛', 'lin-nurse'],
  ['陳醫生好好人', 'chan-doc'],
  ['陳姑娘好細心', 'chan-nurse'],
  ['Nurse Chan好好', 'chan-nurse'],
])('folds Taiwan and Hong Kong titles onto the member they fit: %s', (text, id) => {
  expect(ids(tw(text))).toEqual([id]);
});

test('reports every Wang a bare 王医生 fits, at a low confidence, with the others as candidates', () => {
  const results = zh('王医生很耐心');
  expect(ids(results)).toEqual(['wang-chief', 'wang-dentist']);
  for (const result of results) {
    expect(result.confidence).toBeLessThanOrEqual(0.5);
    expect(result.candidates).toHaveLength(1);
    expect(isFirmStaffMatch(result)).toBe(false);
  }
});

test('tells two Wangs apart by the mention department or the specialty words in the text', () => {
  expect(ids(zh('王医生很耐心', '骨科'))).toEqual(['wang-chief']);
  expect(ids(zh('王医生洗牙很轻'))).toEqual(['wang-dentist']);
  expect(zh('王医生洗牙很轻')[0]!.candidates).toBeUndefined();
});

test('a firm full name elsewhere in the text settles a later bare surname', () => {
  const results = zh('王德明主任给我做的手术，后来王医生又来查房');
  expect(ids(results)).toEqual(['wang-chief']);
});

test('does not read a friend called 小王 as staff', () => {
  expect(zh('我朋友小王陪我去的医院')).toEqual([]);
});

test.each([
  ['Спасибо хирургу Орлову за операцию', 'orlov'],
  ['Терапевт Орлова очень внимательная', 'orlova'],
  ['Наталья Сергеевна всё объяснила', 'orlova'],
  ['медсестра Лена ставит уколы без боли', 'lebedeva'],
  ['Медсестре Леночке отдельное спасибо', 'lebedeva'],
  ['заведующий Зайцев лично принял', 'zaitsev'],
  ['заведующему отделением Зайцеву', 'zaitsev'],
  ['администратор Аня нахамила по телефону', 'belova'],
])('matches Russian roles, cases, patronymics and diminutives: %s', (text, id) => {
  expect(ids(ru(text))).toEqual([id]);
});

test('a sister in a family story is not the nurse', () => {
  expect(ru('Со мной ходила моя сестра Лена')).toEqual([]);
  expect(en('My sister Grace drove me there')).toEqual([]);
});

test('keeps Орлов and Орлова apart where the case forms cannot tell, and reports both', () => {
  const results = ru('доктор Орлова');
  expect(ids(results)).toEqual(['orlov', 'orlova']);
  expect(results.every((result) => !isFirmStaffMatch(result))).toBe(true);
  expect(ids(ru('доктор Орловой'))).toEqual(['orlova']);
});

test.each([
  ['Mr Jones did my knee replacement', 'jones-surgeon'],
  ['Dr Jones fixed my hip', 'jones-surgeon'],
  ['Nurse Jones was lovely in A&E', 'jones-nurse'],
  ['Nurse Tom was brilliant on the night shift', 'ward-tom'],
  ['Amy at the desk was rude', 'desk-amy'],
  ['Sunil the physio sorted my back', 'physio-sam'],
  ['Sister Adeyemi ran a tight ship', 'sister-grace'],
  ['Thanks to Tom Reid and the team', 'ward-tom'],
])('matches English titles and first names with a role: %s', (text, id) => {
  expect(ids(en(text))).toEqual([id]);
});

test('does not match a first name used as a word, or without a role', () => {
  expect(en('By the grace of god I survived the wait')).toEqual([]);
  expect(en('Amy came with me to the appointment')).toEqual([]);
});

test('a bare surname two people share is ambiguous, not a pick', () => {
  const results = en('Jones was rude');
  expect(ids(results)).toEqual(['jones-nurse', 'jones-surgeon']);
  expect(results.every((result) => result.confidence <= 0.5 && result.candidates?.length === 1)).toBe(true);
});

test('members without a title keep every generic form', () => {
  const plain = matcher([
    { id: 'w', name: '王建国' },
    { id: 'i', name: 'Иванова Мария Петровна' },
    { id: 's', name: 'John Smith' },
  ]);
  expect(ids(plain('王大夫很好'))).toEqual(['w']);
  expect(ids(plain('доктор Иванова'))).toEqual(['i']);
  expect(ids(plain('Nurse Smith'))).toEqual(['s']);
  expect(plain('')).toEqual([]);
});

test.each([
  ['佩君護理師真的很溫柔', 'lin-nurse'],
  ['小君護士很耐心', 'lin-nurse'],
  ['那位姓林的护理师很好', 'lin-nurse'],
])('matches a Chinese given name or nickname with a title: %s', (text, id) => {
  expect(ids(tw(text))).toEqual([id]);
});

test('a nickname two nurses share (丽姐) and 姓X的 are ambiguous unless the department decides', () => {
  const nurses = matcher([
    { id: 'a', name: '王丽', title: '护士长', department: '儿科' },
    { id: 'b', name: '孙丽', title: '护士', department: '眼科' },
    { id: 'c', name: '孙强', title: '医生', department: '骨科' },
  ]);
  expect(ids(nurses('丽姐人很好'))).toEqual(['a', 'b']);
  expect(ids(nurses('丽姐人很好', '眼科'))).toEqual(['b']);
  expect(ids(nurses('那个姓孙的态度很差'))).toEqual(['b', 'c']);
});

test('a first name alone counts only under the member’s own department', () => {
  expect(ids(en('Amy was lovely to me', 'Front desk'))).toEqual(['desk-amy']);
  expect(en('Amy was lovely to me')).toEqual([]);
  expect(ids(ru('Лена в процедурке лучшая', 'процедурный кабинет'))).toEqual(['lebedeva']);
  expect(ru('Лена сегодня была лучшая')).toEqual([]);
});

test('Russian: an unsure Орлов(а) fits both, a patient of the same surname and the other gender’s role fit neither', () => {
  expect(ids(ru('Доктор Орлов(а) принял(а) хорошо'))).toEqual(['orlov', 'orlova']);
  expect(ru('Просим перезвонить пациенту Орлову')).toEqual([]);
  expect(ru('Медсестра Зайцева всё сделала')).toEqual([]);
  expect(ru('Медсестра Орлова Ирина лучшая')).toEqual([]);
});

test('an initial tells apart two people of one surname; an article does not', () => {
  expect(ids(en('Dr M. Jones did a great job'))).toEqual(['jones-surgeon']);
  expect(ids(en('H Jones took my bloods'))).toEqual(['jones-nurse']);
  const anna = matcher([
    { id: 'a', name: 'Anna Smith', title: 'Nurse' },
    { id: 'b', name: 'Ben Smith', title: 'GP' },
  ]);
  expect(ids(anna('I saw a Smith on the list'))).toEqual(['a', 'b']);
});

test('Hong Kong 陳生 names a Chan, 紧张生气 names nobody', () => {
  expect(ids(tw('多謝陳生好好人'))).toEqual(['chan-doc', 'chan-nurse']);
  expect(zh('我很紧张生气了')).toEqual([]);
});

test('a first name with the member’s own department names the member', () => {
  expect(ids(en('Thomas on Ward 4 was so kind'))).toEqual(['ward-tom']);
  expect(ids(en('Helen in Emergency stayed calm'))).toEqual(['jones-nurse']);
  expect(en('Helen in general was fine')).toEqual([]);
  expect(ids(ru('Аня из регистратуры всё объяснила'))).toEqual(['belova']);
  expect(ids(ru('Лена в процедурном кабинете лучшая'))).toEqual(['lebedeva']);
});
