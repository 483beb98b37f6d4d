/** The demo organisation's fixed roster: locations, departments, staff (with name forms per language), users, sources. */
export type Case = 'nom' | 'gen' | 'dat' | 'acc' | 'ins';
export type Forms = Record<Case, string>;
type Kind = 'msurname' | 'fsurname' | 'mfirst' | 'ffirst' | 'mpatr' | 'fpatr' | 'mforeign' | 'indecl';

const CASES: Case[] = ['nom', 'gen', 'dat', 'acc', 'ins'];
const SOFT_HUSH = /[жшчщц]$/;

/** Declines one Russian word of a known pattern. */
export function declineWord(w: string, kind: Kind): Forms {
  const f = (gen: string, dat: string, acc: string, ins: string): Forms => ({ nom: w, gen, dat, acc, ins });
  const stem = (n: number): string => w.slice(0, w.length - n);
  switch (kind) {
    case 'msurname': // Иванов, Смирнов, Волков
      return f(w + 'а', w + 'у', w + 'а', w + 'ым');
    case 'fsurname': // Иванова
      return f(stem(1) + 'ой', stem(1) + 'ой', stem(1) + 'у', stem(1) + 'ой');
    case 'mpatr': // Викторович
      return f(w + 'а', w + 'у', w + 'а', w + 'ем');
    case 'fpatr': // Петровна
      return f(stem(1) + 'ы', stem(1) + 'е', stem(1) + 'у', stem(1) + 'ой');
    case 'mfirst':
    case 'mforeign':
      if (w.endsWith('ий')) return f(stem(1) + 'я', stem(1) + 'ю', stem(1) + 'я', stem(1) + 'ем');
      if (w.endsWith('й') || w.endsWith('ь')) return f(stem(1) + 'я', stem(1) + 'ю', stem(1) + 'я', stem(1) + 'ем');
      return f(w + 'а', w + 'у', w + 'а', w + (SOFT_HUSH.test(w) ? 'ем' : 'ом'));
    case 'ffirst':
      if (w.endsWith('ия')) return f(stem(1) + 'и', stem(1) + 'и', stem(1) + 'ю', stem(1) + 'ей');
      if (w.endsWith('ья')) return f(stem(1) + 'и', stem(1) + 'е', stem(1) + 'ю', stem(1) + 'ей');
      if (w.endsWith('а')) {
        const gen = /[гкхжшчщ]а$/.test(w) ? stem(1) + 'и' : stem(1) + 'ы';
        return f(gen, stem(1) + 'е', stem(1) + 'у', stem(1) + 'ой');
      }
      return f(w, w, w, w);
    case 'indecl':
      return f(w, w, w, w);
  }
}

/** Joins declined words case by case. */
export function joinForms(...parts: Forms[]): Forms {
  const out = {} as Forms;
  for (const c of CASES) out[c] = parts.map((p) => p[c]).join(' ');
  return out;
}

const DOCTOR = declineWord('доктор', 'mfirst');
const NURSE: Forms = { nom: 'медсестра', gen: 'медсестры', dat: 'медсестре', acc: 'медсестру', ins: 'медсестрой' };
const ind = (w: string): Forms => declineWord(w, 'indecl');

export interface StaffDef {
  key: string;
  name: string;
  title: string;
  departmentCode: string;
  aliases: string[];
  gender: 'm' | 'f';
  /** Name forms usable in each language's text. */
  zh: string[];
  en: string[];
  ru: Forms[];
}

function chinese(
  key: string,
  name: string,
  surnameLen: number,
  title: string,
  dept: string,
  gender: 'm' | 'f',
  pinyinSurname: string,
  cyrillic: string,
  opts: { director?: boolean; nurse?: boolean } = {},
): StaffDef {
  const surname = name.slice(0, surnameLen);
  const zhShort = opts.nurse ? `${surname}护士长` : `${surname}医生`;
  const zhFull = opts.director ? `${name}主任` : opts.nurse ? `${name}护士长` : `${name}医生`;
  const en = opts.nurse ? `Nurse ${pinyinSurname}` : `Dr. ${pinyinSurname}`;
  const aliases = [zhShort, zhFull, en, cyrillic];
  const zh = [zhShort, zhFull, name];
  if (opts.director) {
    aliases.push(`${surname}主任`);
    zh.push(`${surname}主任`);
  }
  const ru = [joinForms(opts.nurse ? NURSE : DOCTOR, ind(cyrillic))];
  return { key, name, title, departmentCode: dept, aliases, gender, zh, en: [en], ru };
}

function russian(key: string, surname: string, first: string, patr: string, title: string, dept: string, gender: 'm' | 'f', latin: string, chineseName: string): StaffDef {
  const m = gender === 'm';
  const sur = declineWord(surname, m ? 'msurname' : 'fsurname');
  const fi = declineWord(first, m ? 'mfirst' : 'ffirst');
  const pa = declineWord(patr, m ? 'mpatr' : 'fpatr');
  const name = `${surname} ${first} ${patr}`;
  const np = `${first} ${patr}`;
  const initials = joinForms(sur, ind(`${first[0]}. ${patr[0]}.`));
  return {
    key,
    name,
    title,
    departmentCode: dept,
    gender,
    aliases: [`Dr. ${latin}`, np, `доктор ${surname}`, `${chineseName}医生`],
    zh: [`${chineseName}医生`],
    en: [`Dr. ${latin}`],
    ru: [joinForms(DOCTOR, sur), joinForms(fi, pa), joinForms(sur, fi, pa), initials],
  };
}

function english(key: string, first: string, last: string, title: string, dept: string, gender: 'm' | 'f', ruFirst: string, ruLast: string, chineseSurname: string): StaffDef {
  const m = gender === 'm';
  const rf = declineWord(ruFirst, m ? 'mforeign' : ruFirst.endsWith('и') ? 'indecl' : 'ffirst');
  const rl = declineWord(ruLast, m ? 'mforeign' : 'indecl');
  return {
    key,
    name: `Dr. ${first} ${last}`,
    title,
    departmentCode: dept,
    gender,
    aliases: [`Dr. ${last}`, `${ruFirst} ${ruLast}`, `${chineseSurname}医生`],
    zh: [`${chineseSurname}医生`],
    en: [`Dr. ${first} ${last}`, `Dr. ${last}`],
    ru: [joinForms(rf, rl), joinForms(DOCTOR, rl)],
  };
}

export const LOCATIONS = [
  {
    code: 'SH-PX',
    name: '仁和国际医院 · 浦西总院 / Renhe International Hospital — Puxi',
    address: '上海市长宁区虹桥路 1888 号（虚构地址） / 1888 Hongqiao Rd, Changning, Shanghai (fictional)',
    timezone: 'Asia/Shanghai',
  },
  {
    code: 'VVO',
    name: 'Клиника «Жэньхэ» — Владивосток / 仁和国际医院 · 海参崴分院 / Renhe Clinic — Vladivostok',
    address: 'Владивосток, ул. Светланская, 120 (вымышленный адрес) / 120 Svetlanskaya St, Vladivostok (fictional)',
    timezone: 'Asia/Vladivostok',
  },
];

export const DEPARTMENTS = [
  { code: 'GP', name: '全科 / General practice / Терапия', locationCode: null },
  { code: 'DENT', name: '口腔科 / Dentistry / Стоматология', locationCode: null },
  { code: 'OBGYN', name: '妇产科 / Obstetrics & Gynaecology / Акушерство и гинекология', locationCode: 'SH-PX' },
  { code: 'PED', name: '儿科 / Paediatrics / Педиатрия', locationCode: null },
  { code: 'OPH', name: '眼科 / Ophthalmology / Офтальмология', locationCode: null },
  { code: 'AES', name: '医美科 / Aesthetics / Косметология', locationCode: null },
  { code: 'CHK', name: '体检中心 / Health check-up / Чекап-центр', locationCode: null },
  { code: 'ER', name: '急诊科 / Emergency / Неотложная помощь', locationCode: 'SH-PX' },
] as const satisfies readonly { code: string; name: string; locationCode: string | null }[];

export const STAFF: StaffDef[] = [
  chinese('wang-jianguo', '王建国', 1, '主任医师 / Chief physician', 'GP', 'm', 'Wang', 'Ван Цзяньго', { director: true }),
  chinese('li-xiuying', '李秀英', 1, '主任医师 / Chief obstetrician', 'OBGYN', 'f', 'Li', 'Ли Сюин', { director: true }),
  chinese('zhang-wei', '张伟', 1, '主治医师 / Attending dentist', 'DENT', 'm', 'Zhang', 'Чжан Вэй'),
  chinese('liu-fang', '刘芳', 1, '副主任医师 / Associate chief paediatrician', 'PED', 'f', 'Liu', 'Лю Фан'),
  chinese('chen-ming', '陈明', 1, '主任医师 / Chief ophthalmologist', 'OPH', 'm', 'Chen', 'Чэнь Мин', { director: true }),
  chinese('yang-li', '杨丽', 1, '主治医师 / Aesthetic physician', 'AES', 'f', 'Yang', 'Ян Ли'),
  chinese('huang-zhiqiang', '黄志强', 1, '主任医师 / Head of check-up centre', 'CHK', 'm', 'Huang', 'Хуан Чжицян', { director: true }),
  chinese('zhao-min', '赵敏', 1, '主治医师 / Emergency physician', 'ER', 'f', 'Zhao', 'Чжао Минь'),
  chinese('zhou-tao', '周涛', 1, '住院医师 / Resident dentist', 'DENT', 'm', 'Zhou', 'Чжоу Тао'),
  chinese('wu-ting', '吴婷', 1, '护士长 / Head nurse', 'PED', 'f', 'Wu', 'У Тин', { nurse: true }),
  chinese('xu-lei', '徐磊', 1, '主治医师 / Emergency physician', 'ER', 'm', 'Xu', 'Сюй Лэй'),
  chinese('sun-xiaoyan', '孙晓燕', 1, '主治医师 / General practitioner', 'GP', 'f', 'Sun', 'Сунь Сяоянь'),
  chinese('ma-jun', '马骏', 1, '主治医师 / Ophthalmologist', 'OPH', 'm', 'Ma', 'Ма Цзюнь'),
  chinese('ouyang-lin', '欧阳琳', 2, '副主任医师 / Associate chief obstetrician', 'OBGYN', 'f', 'Ouyang', 'Оуян Линь'),
  russian('ivanova-maria', 'Иванова', 'Мария', 'Петровна', 'Врач-терапевт / General practitioner', 'GP', 'f', 'Ivanova', '伊万诺娃'),
  russian('smirnov-alexey', 'Смирнов', 'Алексей', 'Викторович', 'Стоматолог-хирург / Oral surgeon', 'DENT', 'm', 'Smirnov', '斯米尔诺夫'),
  russian('kuznetsova-elena', 'Кузнецова', 'Елена', 'Сергеевна', 'Педиатр / Paediatrician', 'PED', 'f', 'Kuznetsova', '库兹涅佐娃'),
  russian('popov-dmitry', 'Попов', 'Дмитрий', 'Андреевич', 'Офтальмолог / Ophthalmologist', 'OPH', 'm', 'Popov', '波波夫'),
  russian('sokolova-olga', 'Соколова', 'Ольга', 'Игоревна', 'Врач-косметолог / Aesthetic physician', 'AES', 'f', 'Sokolova', '索科洛娃'),
  russian('volkov-igor', 'Волков', 'Игорь', 'Николаевич', 'Руководитель чекап-центра / Head of check-ups', 'CHK', 'm', 'Volkov', '沃尔科夫'),
  russian('morozova-natalya', 'Морозова', 'Наталья', 'Александровна', 'Стоматолог-терапевт / Dentist', 'DENT', 'f', 'Morozova', '莫罗佐娃'),
  russian('lebedev-sergey', 'Лебедев', 'Сергей', 'Олегович', 'Врач общей практики / General practitioner', 'GP', 'm', 'Lebedev', '列别杰夫'),
  russian('novikova-anna', 'Новикова', 'Анна', 'Дмитриевна', 'Педиатр / Paediatrician', 'PED', 'f', 'Novikova', '诺维科娃'),
  english('carter-emily', 'Emily', 'Carter', 'Consultant obstetrician', 'OBGYN', 'f', 'Эмили', 'Картер', '卡特'),
  english('miller-james', 'James', 'Miller', 'Emergency physician', 'ER', 'm', 'Джеймс', 'Миллер', '米勒'),
  english('thompson-sarah', 'Sarah', 'Thompson', 'Paediatrician', 'PED', 'f', 'Сара', 'Томпсон', '汤普森'),
  english('obrien-michael', 'Michael', "O'Brien", 'Orthodontist', 'DENT', 'm', 'Майкл', "О'Брайен", '奥布莱恩'),
  english('bennett-olivia', 'Olivia', 'Bennett', 'Dermatologist', 'AES', 'f', 'Оливия', 'Беннетт', '贝内特'),
  english('kim-david', 'David', 'Kim', 'Ophthalmologist', 'OPH', 'm', 'Дэвид', 'Ким', '金'),
  english('brooks-hannah', 'Hannah', 'Brooks', 'Preventive medicine physician', 'CHK', 'f', 'Ханна', 'Брукс', '布鲁克斯'),
];

export type Role = 'admin' | 'leadership' | 'pr' | 'marketing' | 'service' | 'department_head' | 'staff' | 'viewer';
export const USERS: { email: string; name: string; role: Role; departmentCodes?: string[] }[] = [
  { email: 'admin@demo.verity.local', name: 'Demo Admin / 系统管理员', role: 'admin' },
  { email: 'director@demo.verity.local', name: '周院长 / Director Zhou', role: 'leadership' },
  { email: 'pr@demo.verity.local', name: 'Лиза Орлова (PR)', role: 'pr' },
  { email: 'marketing@demo.verity.local', name: '林晓 / Lin Xiao (Marketing)', role: 'marketing' },
  { email: 'service@demo.verity.local', name: '客服 何佳 / He Jia (Patient service)', role: 'service' },
  { email: 'dent.head@demo.verity.local', name: 'Смирнов Алексей Викторович', role: 'department_head', departmentCodes: ['DENT'] },
  { email: 'doctor@demo.verity.local', name: '王建国', role: 'staff', departmentCodes: ['GP'] },
  { email: 'viewer@demo.verity.local', name: 'Board Observer', role: 'viewer' },
];

export type SourceKind = 'file' | 'push' | 'webhook' | 'rss' | 'manual';
export interface SourceDef {
  key: string;
  name: string;
  kind: SourceKind;
  platform: string;
  mentionKind: 'review' | 'post' | 'news' | 'offline_complaint' | 'hotline_note' | 'survey_text';
  /** Rating scale, or null when the source has no rating. */
  scale: number | null;
  /** Prefix for external ids; null: no external id (manual sources). */
  idPrefix: string | null;
  /** Language the source declares (sets MentionInput.lang), if any. */
  declaredLang: string | null;
}
export const SOURCES: SourceDef[] = [
  { key: 'dianping', name: '大众点评 Dianping', kind: 'file', platform: 'dianping', mentionKind: 'review', scale: 5, idPrefix: 'dp', declaredLang: 'zh' },
  { key: 'meituan', name: '美团 Meituan', kind: 'file', platform: 'meituan', mentionKind: 'review', scale: 5, idPrefix: 'mt', declaredLang: 'zh' },
  { key: 'xiaohongshu', name: '小红书 Xiaohongshu', kind: 'push', platform: 'xiaohongshu', mentionKind: 'post', scale: null, idPrefix: 'xhs', declaredLang: null },
  { key: 'weibo', name: '微博 Weibo', kind: 'webhook', platform: 'weibo', mentionKind: 'post', scale: null, idPrefix: 'wb', declaredLang: null },
  { key: 'prodoctorov', name: 'ПроДокторов', kind: 'file', platform: 'prodoctorov', mentionKind: 'review', scale: 5, idPrefix: 'pd', declaredLang: 'ru' },
  { key: '2gis', name: '2ГИС', kind: 'push', platform: '2gis', mentionKind: 'review', scale: 5, idPrefix: '2gis', declaredLang: null },
  { key: 'yandex-maps', name: 'Яндекс Карты', kind: 'file', platform: 'yandex_maps', mentionKind: 'review', scale: 5, idPrefix: 'ym', declaredLang: 'ru' },
  { key: 'google', name: 'Google Reviews', kind: 'webhook', platform: 'google', mentionKind: 'review', scale: 5, idPrefix: 'g', declaredLang: null },
  { key: 'facebook-hk', name: 'Facebook (HK page)', kind: 'push', platform: 'facebook', mentionKind: 'post', scale: null, idPrefix: 'fb', declaredLang: null },
  { key: 'news', name: 'News RSS (health & city news)', kind: 'rss', platform: 'rss', mentionKind: 'news', scale: null, idPrefix: 'news', declaredLang: null },
  { key: 'hotline', name: '客服热线 / Hotline', kind: 'manual', platform: 'hotline', mentionKind: 'hotline_note', scale: null, idPrefix: null, declaredLang: null },
  { key: 'offline', name: '线下投诉 / Offline complaints', kind: 'manual', platform: 'offline', mentionKind: 'offline_complaint', scale: null, idPrefix: null, declaredLang: null },
  { key: 'survey', name: '患者满意度调查 / Patient survey (NPS 0–10)', kind: 'push', platform: 'verity_survey', mentionKind: 'survey_text', scale: 10, idPrefix: 'sv', declaredLang: null },
];
