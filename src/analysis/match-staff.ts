import { createRequire } from 'node:module';
import { toSimplified } from './text.ts';
import type { StaffResult } from './stage.ts';

const require = createRequire(import.meta.url);
const SURNAME_PINYIN = require('./lexicons/surnames-pinyin.json') as Record<string, string>;

interface ZhRole {
  title: string;
  after: string[];
  before: string[];
}
interface LatinRole {
  title: string;
  before: string[];
  after?: string[];
}
/** How patients address staff by the roster title, as data (lexicons/staff-titles.json describes its fields). */
interface StaffTitles {
  zh: { roles: ZhRole[]; generic: string[]; romanisations: Record<string, string[]> };
  ru: { roles: LatinRole[]; generic: string[]; diminutives: Record<string, string[]> };
  en: { roles: LatinRole[]; generic: string[]; nicknames: Record<string, string[]> };
  departments: Record<string, string[] | string>;
}
const TITLES = require('./lexicons/staff-titles.json') as StaffTitles;
const RU_ROLES = TITLES.ru.roles.map((role) => ({ test: new RegExp(role.title, 'iu'), role }));
const EN_ROLES = TITLES.en.roles.map((role) => ({ test: new RegExp(role.title, 'iu'), role }));
const DEPARTMENT_WORDS = Object.entries(TITLES.departments).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]));

export interface RosterMember {
  id: string;
  name: string;
  aliases?: string[];
  /** The job title as the clinic writes it (主任医师, медсестра, Nurse, Consultant…): what patients call the person. */
  title?: string | null;
  /** The department's name (or id), to tell apart people who share a surname. */
  department?: string | null;
}
export type StaffMatch = StaffResult;

/**
 * A match firm enough to attribute the mention to the person (`mentions.staff_ids`, scorecards):
 * one person only (no other `candidates`) at confidence ≥ 0.5. An ambiguous name (two Dr Wangs the
 * text cannot tell apart) is reported with every candidate at ≤ 0.5 and is not a firm attribution.
 */
export const FIRM_STAFF_CONFIDENCE = 0.5;
export function isFirmStaffMatch(match: StaffResult): boolean {
  return match.confidence >= FIRM_STAFF_CONFIDENCE && !(match.candidates && match.candidates.length > 0);
}

/**
 * How specific a pattern is to the person: a name form their own title gives (王主任 for a 主任医师,
 * "Nurse Tom" for a nurse) beats one any member could be called by (王医生 for the head nurse), which
 * beats a bare surname. On one span, only the members at the best tier compete.
 */
const OWN = 2;
const GENERIC = 1;
const BARE = 0;

interface Pattern {
  regex: RegExp;
  confidence: number;
  tier: number;
  /** Matched against the simplified text (Chinese forms) rather than the original. */
  simplified: boolean;
  /** A name alone (嘉欣, "Emily", "Лена"): counts only in a mention filed under the member's own department. */
  needsDepartment?: boolean;
  /** A Russian surname followed by another first name ("Смирнова Ирина") is someone else of that surname. */
  notBeforeName?: boolean;
  /** Bits of the member's anchors of which one must be in the text for the pattern to run at all. */
  anchorMask: number;
  requires: readonly string[];
}
interface CompiledMember {
  id: string;
  /** Lower-case substrings of which at least one must occur before any regex runs (cheap prefilter). */
  anchors: string[];
  patterns: Pattern[];
  /** Normalised department, compared with the mention's department. */
  department: string | null;
  /** Words of the member's department or specialty (lower case, simplified), looked for only to break a tie. */
  contextWords: string[];
}

const PATRONYMIC = /(ович|евич|ич|овна|евна|ична|инична)$/i;
const RU_SURNAME = /(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|ко|ук|юк|ых|их)$/i;

const CYR_TO_LAT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};
function transliterate(word: string): string {
  return [...word.toLowerCase()].map((ch) => CYR_TO_LAT[ch] ?? ch).join('');
}
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
// Word edges for alphabetic names: a Latin or Cyrillic name may touch Chinese characters ("Nurse Chan好好").
const B = '(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}])';
const E = '(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{N}])';
function wordRegex(source: string, flags = 'giu'): RegExp {
  return new RegExp(`${B}(?:${source})${E}`, flags);
}
const alternatives = (sources: readonly string[]): string => sources.join('|');
/** "Nurse" → "[Nn]urse": a role word in either case, for the case-sensitive first-name patterns ("Sister"/"Matron"/"Miss" keep their capital: "my sister Grace" is family). */
function eitherCase(source: string): string {
  if (/^(?:Sister|Matron|Miss)$/.test(source)) return source;
  const first = source[0]!;
  return /\p{L}/u.test(first) ? `[${first.toUpperCase()}${first.toLowerCase()}]${source.slice(1)}` : source;
}

/** A literal in either case, letter by letter, for a case-sensitive pattern ("Ward 4" → [Ww][Aa][Rr][Dd]\s+4). */
function anyCase(text: string): string {
  return [...text].map((ch) => (ch.toLowerCase() !== ch.toUpperCase() ? `[${ch.toUpperCase()}${ch.toLowerCase()}]` : /\s/.test(ch) ? '\\s+' : escapeRegExp(ch))).join('');
}

/** A Russian surname in every case, by gender (Иванов → Иванова/Иванову/Ивановым; Иванова → Ивановой/Иванову). */
function russianSurnameForms(word: string): string {
  const w = escapeRegExp(word);
  if (/(?:ов|ев|ёв|ин|ын)$/iu.test(word)) return `${w}(?:а|у|ым|е)?`;
  if (/(?:ова|ева|ёва|ина|ына)$/iu.test(word)) return `${w.slice(0, -1)}(?:а|ой|у|ою)`;
  if (/(?:ский|цкий)$/iu.test(word)) return `${w.slice(0, -2)}(?:ий|ого|ому|им|ом)`;
  if (/(?:ская|цкая)$/iu.test(word)) return `${w.slice(0, -2)}(?:ая|ой|ую)`;
  if (/(?:ой|ый)$/iu.test(word)) return `${w.slice(0, -2)}(?:ой|ый|ого|ому|ым|ом)`;
  if (/(?:ко|их|ых|о|и|у|ю|е|э)$/iu.test(word)) return w;
  if (/[ая]$/iu.test(word)) return `${w.slice(0, -1)}(?:а|я|ы|и|е|у|ю|ой|ей)`;
  return `${w}(?:а|у|ом|ем|е)?`;
}
/** A Russian first name or patronymic in every case (Мария/Марии/Марию/Марией, Лена/Лену/Леной, Сергей/Сергея, Петровна/Петровной). */
function russianGivenForms(word: string): string {
  const w = escapeRegExp(word);
  if (/ия$/iu.test(word)) return `${w.slice(0, -2)}(?:ия|ии|ию|ией|ье)`;
  if (/а$/iu.test(word)) return `${w.slice(0, -1)}(?:а|ы|и|е|у|ой|ою)`;
  if (/я$/iu.test(word)) return `${w.slice(0, -1)}(?:я|и|е|ю|ей|ею)`;
  if (/й$/iu.test(word)) return `${w.slice(0, -1)}(?:й|я|ю|ем|е)`;
  if (/ь$/iu.test(word)) return `${w.slice(0, -1)}(?:ь|я|ю|ем|е|и|ью)`;
  return `${w}(?:а|у|ом|ем|е)?`;
}
/** Latin transliteration of a Russian name part with its common English endings. */
function latinForms(word: string): string {
  return escapeRegExp(transliterate(word)).replace(/a$/, 'a?');
}
/** The anchor of a Cyrillic or Latin name: its first letters, shared by every case form. */
function nameAnchor(word: string): string {
  const stem = word.replace(/[аяйьоеыи]+$/iu, '');
  return (stem.length >= 2 ? stem : word.slice(0, 2)).toLowerCase();
}

/** Lower case, simplified, trimmed: how departments and titles are compared. */
function normalise(text: string | null | undefined): string {
  return toSimplified((text ?? '').trim().toLowerCase());
}
function contextWordsOf(member: RosterMember): string[] {
  const department = normalise(member.department);
  const about = `${department} ${normalise(member.title)}`;
  const words = new Set<string>();
  for (const [key, list] of DEPARTMENT_WORDS) if (about.includes(key)) for (const word of list) words.add(word);
  // The department's own name (骨科 → 骨科, "Ward 4"), unless it is an id.
  if (department && !/\d.*-|-.*\d/.test(department) && department.length >= 2) words.add(department.replace(/(?:科|部|室|中心)$/u, '') || department);
  return [...words].filter((word) => word.length >= 1);
}

/** The Chinese forms a member's title gives: what is said after the surname, and the role words said before 小/老 + surname. */
function zhRole(title: string | null | undefined): { after: string[]; before: string[]; en: string[] } {
  const simplified = normalise(title);
  const role = simplified ? TITLES.zh.roles.find((entry) => simplified.includes(entry.title)) : undefined;
  if (!role) return { after: TITLES.zh.generic, before: [], en: TITLES.en.generic };
  const nurse = role.after.some((form) => form.includes('护'));
  const doctor = role.after.includes('医生');
  const en = nurse ? ['Nurse', 'Sister', 'Ms\\.?', 'Miss'] : doctor ? ['Dr\\.?', 'Doctor', 'Prof\\.?', 'Professor', 'Mr\\.?', 'Mrs\\.?', 'Ms\\.?'] : ['Mr\\.?', 'Mrs\\.?', 'Ms\\.?', 'Miss'];
  return { after: role.after, before: role.before, en };
}

function compileMember(member: RosterMember): CompiledMember {
  const anchors: string[] = [];
  const patterns: Pattern[] = [];
  // The anchors the next patterns need (each pattern's match contains one of them).
  let requires: string[] = [];
  const need = (...forms: string[]): void => {
    requires = forms.filter(Boolean).map((form) => form.toLowerCase());
    anchors.push(...requires);
  };
  const add = (regex: RegExp, confidence: number, tier: number, simplified = false, needsDepartment = false, notBeforeName = false): void => {
    patterns.push({ regex, confidence, tier, simplified, needsDepartment, notBeforeName, anchorMask: 0, requires });
  };
  const name = member.name.trim();
  for (const alias of [name, ...(member.aliases ?? [])]) {
    const text = alias.trim();
    if (!text) continue;
    const isHan = /^[\u3400-\u9fff\uf900-\ufaff·]+$/.test(text);
    const simplifiedAlias = isHan ? toSimplified(text) : text;
    need(simplifiedAlias);
    add(isHan ? new RegExp(escapeRegExp(simplifiedAlias), 'g') : wordRegex(escapeRegExp(text).replace(/\s+/g, '\\s+')), 0.95, OWN, isHan);
  }

  if (/^[\u3400-\u9fff\uf900-\ufaff]{2,4}$/.test(name)) {
    // Chinese: 王建国 → 王主任 for a 主任医师, 王护士长 for the head nurse; compound surnames (欧阳) take two characters.
    const simplifiedName = toSimplified(name);
    const twoChar = simplifiedName.slice(0, 2);
    const surname = simplifiedName.length >= 3 && SURNAME_PINYIN[twoChar] ? twoChar : simplifiedName.slice(0, 1);
    const given = simplifiedName.slice(surname.length);
    const role = zhRole(member.title);
    const own = [...role.after].sort((a, b) => b.length - a.length);
    const generic = TITLES.zh.generic.filter((form) => !own.includes(form)).sort((a, b) => b.length - a.length);
    const s = escapeRegExp(surname);
    need(surname);
    add(new RegExp(`${escapeRegExp(simplifiedName)}(?:${alternatives([...own, ...generic])})?`, 'g'), 0.95, OWN, true);
    add(new RegExp(`(?:小|老)?${s}(?:${alternatives(own)})`, 'g'), 0.8, OWN, true);
    if (generic.length > 0) add(new RegExp(`(?:小|老)?${s}(?:${alternatives(generic)})`, 'g'), 0.6, GENERIC, true);
    if (role.before.length > 0) add(new RegExp(`(?:${alternatives(role.before)})的?(?:小|老)${s}`, 'g'), 0.75, OWN, true);
    add(new RegExp(`(?:小|老)${s}(?![\\u4e00-\\u9fff])`, 'g'), 0.4, BARE, true);
    // "那个姓张的": every member of the surname, for the department or the text to decide.
    add(new RegExp(`姓${s}`, 'g'), 0.6, GENERIC, true);
    add(new RegExp(`姓${s}(?:的|嘅)?(?:${alternatives(own)})`, 'g'), 0.75, OWN, true);
    // Hong Kong 陳生 (Mr Chan), not 紧张生气 or 王生日.
    add(new RegExp(`${s}生(?![气活日病命意产存长成前下出物理效育殖孩仔])`, 'g'), 0.55, GENERIC, true);
    if (given.length > 0) {
      const titles = alternatives([...own, ...generic]);
      const last = escapeRegExp(given.slice(-1));
      const lastChar = given.slice(-1);
      // 雅婷护理师, 嘉欣姑娘; 娜娜医生, 小敏护士; 静姐, 磊哥 (丽姐 fits 王丽 and 孙丽 alike).
      if (given.length >= 2) {
        need(given);
        add(new RegExp(`${escapeRegExp(given)}(?:${titles})`, 'g'), 0.85, OWN, true);
        add(new RegExp(escapeRegExp(given), 'g'), 0.7, BARE, true, true);
      }
      need(`小${lastChar}`, lastChar + lastChar);
      add(new RegExp(`(?:小${last}|${last}${last})(?:${titles})`, 'g'), 0.75, OWN, true);
      need(`${lastChar}姐`, `${lastChar}哥`);
      add(new RegExp(`${last}(?:姐|哥)`, 'g'), 0.7, OWN, true);
    }
    const latin = [SURNAME_PINYIN[surname], ...(TITLES.zh.romanisations[surname] ?? [])].filter((form): form is string => Boolean(form));
    if (latin.length > 0) {
      need(...latin);
      const latinSurname = `(?:${alternatives(latin)})`;
      const ownEn = role.en;
      const genericEn = TITLES.en.generic.filter((word) => !ownEn.includes(word));
      add(wordRegex(`(?:${alternatives(ownEn)})\\s*${latinSurname}`), 0.75, OWN);
      if (genericEn.length > 0) add(wordRegex(`(?:${alternatives(genericEn)})\\s*${latinSurname}`), 0.6, GENERIC);
      if (given.length > 0) add(wordRegex(`${latinSurname}\\s+\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+\\s+${latinSurname}`, 'gu'), 0.5, BARE);
    }
  } else if (/[\u0400-\u04ff]/.test(name)) {
    const words = name.split(/\s+/).filter(Boolean);
    const patronymicIndex = words.findIndex((word, index) => index > 0 && PATRONYMIC.test(word));
    let first: string | undefined;
    let patronymic: string | undefined;
    let surname: string | undefined;
    if (patronymicIndex > 0) {
      patronymic = words[patronymicIndex];
      first = words[patronymicIndex - 1];
      surname = patronymicIndex === 2 ? words[0] : words[patronymicIndex + 1];
    } else if (words.length === 2) {
      const [a, b] = words as [string, string];
      [surname, first] = RU_SURNAME.test(a) && !RU_SURNAME.test(b) ? [a, b] : [b, a];
    } else {
      surname = words[0];
    }
    const title = normalise(member.title);
    const entry = title ? RU_ROLES.find((candidate) => candidate.test.test(title)) : undefined;
    const own = entry ? [...entry.role.before] : [...TITLES.ru.generic];
    // The title's own words (врач-терапевт → терапевт, анестезиолог) in every case.
    if (title) for (const word of title.split(/[\s-]+/)) if (word.length >= 5 && !/^(?:врач|отделени|старш|заведующ|главн)/.test(word)) own.push(`${escapeRegExp(word)}(?:а|у|ом|е)?`);
    // A man is no медсестра, a woman no медбрат: the role words of the other gender never name the member.
    const female = patronymic ? /на$/iu.test(patronymic) : surname ? /(?:а|ая)$/iu.test(surname) : false;
    const otherGender = female ? /^медбрат/u : /^(?:медсестр|сестр|старш\(\?:ая|заведующ\(\?:ая)/u;
    const generic = TITLES.ru.generic.filter((word) => !own.includes(word) && !otherGender.test(word));
    // "моя сестра Лена" is family: a bare сестра never names a first name.
    const ownForFirst = own.filter((word) => !/^сестр/.test(word));
    const firstNames = first ? [first, ...(TITLES.ru.diminutives[first] ?? [])] : [];
    const firstForms = firstNames.map(russianGivenForms).join('|');
    if (surname) {
      // "Иванов(а)", "Соколов(ой)": the writer is unsure which of a couple it was, so both fit.
      const masculine = /(?:ова|ева|ёва|ина|ына)$/iu.test(surname) ? surname.slice(0, -1) : /(?:ов|ев|ёв|ин|ын)$/iu.test(surname) ? surname : null;
      const unsure = masculine ? `${escapeRegExp(masculine)}\\((?:а|ой|у)\\)` : null;
      const surnameForms = unsure ? `(?:${unsure}|${russianSurnameForms(surname)})` : russianSurnameForms(surname);
      // The bare surname must be capitalised (Орлова, not орлова).
      const capitalised = [unsure, russianSurnameForms(surname)].filter((form): form is string => form !== null).map((form) => `\\p{Lu}${form.slice(1)}`);
      need(nameAnchor(surname));
      const initials = [first, patronymic]
        .filter(Boolean)
        .map((word) => `${escapeRegExp(word![0]!)}\\.\\s*`)
        .join('');
      if (first) {
        const patronymicForms = patronymic ? `\\s+${russianGivenForms(patronymic)}` : '';
        add(wordRegex(`${surnameForms}\\s+(?:${russianGivenForms(first)})${patronymicForms}|(?:${russianGivenForms(first)})${patronymicForms}\\s+${surnameForms}`), 0.97, OWN);
      }
      if (initials) add(wordRegex(`${surnameForms}\\s+${initials.replace(/\\s\*$/, '')}|${initials}${surnameForms}`), 0.93, OWN);
      add(wordRegex(`(?:${alternatives(own)})\\s+${surnameForms}`), 0.85, OWN, false, false, true);
      if (generic.length > 0) add(wordRegex(`(?:${alternatives(generic)})\\s+${surnameForms}`), 0.7, GENERIC, false, false, true);
      // Not a patient of the same surname, nor after a role word of the other gender ("медсестра Зайцева" is not Зайцев).
      const otherRole = female ? '[Мм]едбрат\\p{L}{0,2}\\s+' : '(?:[Мм]ед)?[Сс]естр\\p{L}{0,3}\\s+|[Зз]аведующая\\s+|[Сс]таршая\\s+';
      add(new RegExp(`(?<![\\p{L}\\p{N}]|(?:[Пп]ациент|[Бб]ольн)\\p{L}{0,3}\\s+|${otherRole})(?:${capitalised.join('|')})(?![\\p{L}\\p{N}])`, 'gu'), 0.7, BARE, false, false, true);
      const latin = latinForms(surname);
      need(transliterate(surname).slice(0, 4));
      add(wordRegex(`(?:${alternatives(TITLES.en.generic)})\\s*${latin}`), 0.8, GENERIC);
      if (first) add(wordRegex(`${latinForms(first)}\\s+${latin}|${latin}\\s+${latinForms(first)}`), 0.9, OWN);
    }
    if (first && patronymic) {
      need(nameAnchor(patronymic));
      add(wordRegex(`(?:${russianGivenForms(first)})\\s+${russianGivenForms(patronymic)}`), 0.85, OWN);
      need(transliterate(first).slice(0, 3));
      add(wordRegex(`${latinForms(first)}\\s+${latinForms(patronymic)}`), 0.85, OWN);
    }
    need(...firstNames.map(nameAnchor));
    // "Лена в процедурке" under the treatment room's department; a bare name elsewhere is anyone's.
    if (firstForms) add(new RegExp(`(?<![\\p{L}\\p{N}])(?:${firstNames.map((form) => `\\p{Lu}${russianGivenForms(form).slice(1)}`).join('|')})(?![\\p{L}\\p{N}])`, 'gu'), 0.7, BARE, false, true);
    if (firstForms && ownForFirst.length > 0) {
      // "медсестра Лена", "администратор Аня": a first name only with the person's role.
      add(wordRegex(`(?:${alternatives(ownForFirst)})\\s+(?:${firstForms})`), 0.8, OWN);
    }
    // "Лена из процедурного", "Аня в регистратуре": a first name with the member's own department.
    const place = normalise(member.department).split(/\s+/)[0] ?? '';
    if (firstForms && place.length >= 6 && /^\p{Script=Cyrillic}+$/u.test(place))
      add(wordRegex(`(?:${firstNames.map((form) => `\\p{Lu}${russianGivenForms(form).slice(1)}`).join('|')})\\s+(?:в|во|из|на|с)\\s+${anyCase(place.slice(0, 6))}\\p{L}*`, 'gu'), 0.75, OWN);
  } else {
    // Latin names: "John Smith" → full name, "Dr Smith", "Nurse Tom", "Raj the physio"; a surname alone must be capitalised.
    const words = name.split(/\s+/).filter(Boolean);
    const surname = words.length > 1 ? words[words.length - 1] : undefined;
    const first = words.length > 1 ? words[0] : undefined;
    const entry = member.title ? EN_ROLES.find((candidate) => candidate.test.test(member.title!)) : undefined;
    const ownBefore = entry ? entry.role.before : TITLES.en.generic;
    const ownAfter = entry?.role.after ?? [];
    const genericBefore = TITLES.en.generic.filter((word) => !ownBefore.includes(word));
    const firstNames = first ? [first, ...(TITLES.en.nicknames[first] ?? [])] : [];
    const firstForms = firstNames.map(escapeRegExp).join('|');
    if (surname) {
      const s = escapeRegExp(surname);
      need(surname);
      if (firstNames.length > 1) add(wordRegex(`(?:${firstForms})\\s+${s}`), 0.95, OWN);
      add(wordRegex(`(?:${alternatives(ownBefore)})\\s*${s}`), 0.85, OWN);
      if (genericBefore.length > 0) add(wordRegex(`(?:${alternatives(genericBefore)})\\s*${s}`), 0.65, GENERIC);
      add(new RegExp(`${B}${s}${E}`, 'gu'), 0.55, BARE);
      // "Dr J. Smith", "J Smith": the first initial tells apart people who share the surname.
      if (first) add(wordRegex(`(?:(?:${TITLES.en.generic.map(eitherCase).join('|')})\\s*)?${escapeRegExp(first[0]!.toUpperCase())}\\.?\\s*${s}`, 'gu'), 0.9, OWN);
    }
    if (firstForms) {
      need(...firstNames);
      // A first name only with a role, and capitalised ("by the grace of" names nobody).
      add(wordRegex(`(?:${ownBefore.map(eitherCase).join('|')})\\s+(?:${firstForms})`, 'gu'), 0.8, OWN);
      if (ownAfter.length > 0) add(wordRegex(`(?:${firstForms}),?\\s+(?:${alternatives(ownAfter)})`, 'gu'), 0.8, OWN);
      if (genericBefore.length > 0) add(wordRegex(`(?:${genericBefore.map(eitherCase).join('|')})\\s+(?:${firstForms})`, 'gu'), 0.6, GENERIC);
      // "Tom on Ward 4", "Rachel in Emergency": a first name with the member's own department.
      const place = normalise(member.department);
      if (place.length >= 4 && /^[\p{Script=Latin}\d\s&]+$/u.test(place)) add(wordRegex(`(?:${firstForms})\\s+(?:on|in|from|at)\\s+(?:the\\s+)?${anyCase(place)}`, 'gu'), 0.75, OWN);
      // "Emily was lovely" under the front desk's department; a bare name elsewhere is anyone's.
      add(wordRegex(`(?:${firstForms})(?:'s)?`, 'gu'), 0.7, BARE, false, true);
    }
  }
  const department = normalise(member.department) || null;
  const unique = [...new Set(anchors.filter(Boolean))];
  // Bit k for the k-th anchor (aliases past the 30th share the last bit); a pattern with no anchor of its own always runs.
  const bit = (anchor: string): number => 1 << Math.min(unique.indexOf(anchor), 30);
  for (const pattern of patterns) pattern.anchorMask = pattern.requires.length > 0 ? pattern.requires.reduce((mask, anchor) => mask | bit(anchor), 0) : 0x7fffffff;
  return { id: member.id, anchors: unique, patterns, department, contextWords: contextWordsOf(member) };
}

/** Lower-case of an ASCII, Latin-1 or Cyrillic code unit (what String#toLowerCase does for them). */
function fold(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 0x20;
  if (code >= 0x410 && code <= 0x42f) return code + 0x20;
  if (code >= 0x400 && code <= 0x40f) return code + 0x50;
  if (code >= 0xc0 && code <= 0xde && code !== 0xd7) return code + 0x20;
  return code;
}

function foldedStartsWith(text: string, anchor: string, at: number): boolean {
  if (at + anchor.length > text.length) return false;
  for (let k = 0; k < anchor.length; k++) if (fold(text.charCodeAt(at + k)) !== anchor.charCodeAt(k)) return false;
  return true;
}

function isAlphabetic(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x0400 && code <= 0x04ff);
}

interface Candidate {
  member: number;
  start: number;
  end: number;
  confidence: number;
  tier: number;
}
/** The mention's department (normalised) is the member's: the same id or name, or one name inside the other (骨科 / 骨科门诊). */
function sameDepartment(member: CompiledMember, department: string): boolean {
  if (!department || !member.department) return false;
  return member.department === department || (department.length >= 2 && member.department.includes(department)) || (member.department.length >= 2 && department.includes(member.department));
}

const FOLLOWING_NAME = /\s+\p{Lu}\p{Ll}+(?![\p{L}\p{N}.])/uy;

const better = (a: Candidate, b: Candidate): boolean => (a.end - a.start !== b.end - b.start ? a.end - a.start > b.end - b.start : a.tier !== b.tier ? a.tier > b.tier : a.confidence > b.confidence);

/** Compiles a roster once; `match` then finds the members a text names. Never throws on text. */
export function createStaffMatcher(roster: readonly RosterMember[]): (text: string, simplified: string, department?: string | null) => StaffMatch[] {
  const members = roster.map(compileMember);
  // Prefilter: anchors indexed by their first two (lower-case) characters, so one pass over the
  // text finds the few members worth running regexes for.
  const anchorIndex = new Map<number, { anchor: string; member: number; bit: number }[]>();
  members.forEach((member, memberIndex) => {
    member.anchors.forEach((anchor, anchorIndexInMember) => {
      const key = anchor.length > 1 ? (anchor.charCodeAt(0) << 16) | anchor.charCodeAt(1) : anchor.charCodeAt(0) << 16;
      const entry = { anchor, member: memberIndex, bit: 1 << Math.min(anchorIndexInMember, 30) };
      const list = anchorIndex.get(key);
      if (list) list.push(entry);
      else anchorIndex.set(key, [entry]);
    });
  });
  const hasSingleCharAnchor = members.some((member) => member.anchors.some((anchor) => anchor.length === 1));
  // First characters of all anchors: one typed-array read rejects most positions before any Map lookup.
  const isAnchorStart = new Uint8Array(65536);
  for (const member of members) for (const anchor of member.anchors) isAnchorStart[anchor.charCodeAt(0)] = 1;
  // Case-folds on the fly (ASCII and Cyrillic, as the anchors are) instead of copying the text.
  function collect(text: string, found: Map<number, number>): void {
    const length = text.length;
    let previous = 0;
    for (let i = 0; i < length; i++) {
      const first = fold(text.charCodeAt(i));
      const before = previous;
      previous = first;
      if (isAnchorStart[first] === 0) continue;
      // Alphabetic anchors (surnames, transliterations, aliases) only ever start a word.
      if (i > 0 && isAlphabetic(first) && isAlphabetic(before)) continue;
      if (hasSingleCharAnchor) {
        const single = anchorIndex.get(first << 16);
        if (single) for (const entry of single) found.set(entry.member, (found.get(entry.member) ?? 0) | entry.bit);
      }
      if (i + 1 >= length) break;
      const list = anchorIndex.get((first << 16) | fold(text.charCodeAt(i + 1)));
      if (!list) continue;
      for (const entry of list) if (foldedStartsWith(text, entry.anchor, i)) found.set(entry.member, (found.get(entry.member) ?? 0) | entry.bit);
    }
  }

  /**
   * Several members fit one span equally well: the mention's department, the department's or
   * specialty's words in the text (口腔/牙 → the dentist) and a firm match of one of them elsewhere
   * in the text decide; when nothing does, every one of them is reported.
   */
  function breakTie(tied: Candidate[], lowerText: string, simplified: string, department: string, firm: Set<number>): Candidate[] {
    const scores = tied.map((candidate) => {
      const member = members[candidate.member]!;
      let score = 0;
      if (firm.has(candidate.member)) score += 4;
      if (sameDepartment(member, department)) score += 2;
      for (const word of member.contextWords) {
        if (lowerText.includes(word) || simplified.includes(word)) {
          score += 1;
          break;
        }
      }
      return score;
    });
    const top = Math.max(...scores);
    const winners = tied.filter((_, index) => scores[index] === top);
    return top > 0 && winners.length === 1 ? winners : tied;
  }

  return (text, simplified, department) => {
    if (members.length === 0) return [];
    const found = new Map<number, number>();
    const normalisedDepartment = normalise(department);
    collect(text, found);
    if (simplified !== text) collect(simplified, found);
    if (found.size === 0) return [];
    const candidates: Candidate[] = [];
    for (const [memberIndex, foundMask] of found) {
      const member = members[memberIndex]!;
      const ownDepartment = sameDepartment(member, normalisedDepartment);
      for (const pattern of member.patterns) {
        if ((pattern.anchorMask & foundMask) === 0 || (pattern.needsDepartment && !ownDepartment)) continue;
        const haystack = pattern.simplified ? simplified : text;
        pattern.regex.lastIndex = 0;
        let match: RegExpExecArray | null;
        while ((match = pattern.regex.exec(haystack))) {
          if (match[0].length === 0) {
            pattern.regex.lastIndex++;
            continue;
          }
          if (pattern.notBeforeName) {
            FOLLOWING_NAME.lastIndex = match.index + match[0].length;
            if (FOLLOWING_NAME.test(haystack)) continue;
          }
          candidates.push({ member: memberIndex, start: match.index, end: match.index + match[0].length, confidence: pattern.confidence, tier: pattern.tier });
        }
      }
    }
    if (candidates.length === 0) return [];
    // Overlapping spans are one reference: cluster them, keep each member's best reading of it.
    candidates.sort((a, b) => a.start - b.start || b.end - a.end);
    const clusters: Candidate[][] = [];
    let clusterEnd = -1;
    for (const candidate of candidates) {
      if (candidate.start >= clusterEnd) {
        clusters.push([]);
        clusterEnd = candidate.end;
      } else clusterEnd = Math.max(clusterEnd, candidate.end);
      const cluster = clusters[clusters.length - 1]!;
      const index = cluster.findIndex((other) => other.member === candidate.member);
      if (index < 0) cluster.push(candidate);
      else if (better(candidate, cluster[index]!)) cluster[index] = candidate;
    }
    // The best-fitting members of each reference: the longest, most specific form.
    const tops = clusters.map((cluster) => {
      let best = cluster[0]!;
      for (const candidate of cluster) if (better(candidate, best)) best = candidate;
      return cluster.filter((candidate) => candidate.end - candidate.start === best.end - best.start && candidate.tier === best.tier);
    });
    const firm = new Set<number>();
    for (const top of tops) if (top.length === 1 && top[0]!.tier === OWN) firm.add(top[0]!.member);
    let lowerText: string | undefined;
    const results = new Map<number, StaffResult>();
    for (const top of tops) {
      let chosen = top;
      if (top.length > 1) chosen = breakTie(top, (lowerText ??= text.toLowerCase()), simplified, normalisedDepartment, firm);
      const ambiguous = chosen.length > 1;
      for (const candidate of chosen) {
        const confidence = ambiguous ? Math.min(0.5, candidate.confidence / chosen.length) : top.length > 1 ? Math.min(candidate.confidence, 0.75) : candidate.confidence;
        const result: StaffResult = { id: members[candidate.member]!.id, span: [candidate.start, candidate.end], confidence: Math.round(confidence * 100) / 100 };
        if (ambiguous) result.candidates = chosen.filter((other) => other !== candidate).map((other) => members[other.member]!.id);
        const current = results.get(candidate.member);
        // A member's firm match anywhere in the text stands for the member; otherwise their best one.
        const currentFirm = current !== undefined && !current.candidates;
        if (!current || (!ambiguous && !currentFirm) || (ambiguous === !currentFirm && result.confidence > current.confidence)) results.set(candidate.member, result);
      }
    }
    return [...results.values()].sort((a, b) => a.span[0] - b.span[0]);
  };
}
