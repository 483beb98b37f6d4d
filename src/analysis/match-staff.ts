import { createRequire } from 'node:module';
import { toSimplified } from './text.ts';
import type { StaffResult } from './stage.ts';

const require = createRequire(import.meta.url);
const SURNAME_PINYIN = require('./lexicons/surnames-pinyin.json') as Record<string, string>;

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

interface Pattern {
  regex: RegExp;
  confidence: number;
  /** Matched against the simplified text (Chinese forms) rather than the original. */
  simplified: boolean;
}
interface CompiledMember {
  id: string;
  /** Lower-case substrings of which at least one must occur before any regex runs (cheap prefilter). */
  anchors: string[];
  patterns: Pattern[];
}

const ZH_TITLES = ['医生', '大夫', '主任', '教授', '护士', '院长', '老师', '医师', '护士长', '主治', '专家', '博士'];
const RU_TITLES = [
  'доктор',
  'доктора',
  'доктору',
  'доктором',
  'докторе',
  'врач',
  'врача',
  'врачу',
  'врачом',
  'хирург',
  'хирурга',
  'медсестра',
  'медсестры',
  'медсестру',
  'медсестрой',
  'профессор',
  'профессора',
  'профессору',
  'заведующ\\p{L}*',
  'главврач\\p{L}*',
  'терапевт\\p{L}*',
  'педиатр\\p{L}*',
  'гинеколог\\p{L}*',
  'стоматолог\\p{L}*',
];
const EN_TITLES = ['dr\\.?', 'doctor', 'prof\\.?', 'professor', 'nurse', 'mr\\.?', 'mrs\\.?', 'ms\\.?', 'miss', 'surgeon', 'sister'];
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
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
function wordRegex(source: string): RegExp {
  return new RegExp(`${B}(?:${source})${E}`, 'giu');
}

/** A Russian name part with any case ending: stem (final vowel/й/ь dropped) + up to 3 letters. */
function russianForms(word: string): string {
  const stemmed = word.length > 3 ? word.replace(/[аяйьоеы]$/i, '') : word;
  return `${escapeRegExp(stemmed)}\\p{L}{0,3}`;
}
/** Latin transliteration of a Russian name part with its common English endings. */
function latinForms(word: string): string {
  return escapeRegExp(transliterate(word)).replace(/a$/, 'a?');
}

function compileMember(member: RosterMember): CompiledMember {
  const anchors: string[] = [];
  const patterns: Pattern[] = [];
  const name = member.name.trim();
  for (const alias of [name, ...(member.aliases ?? [])]) {
    const text = alias.trim();
    if (!text) continue;
    const isHan = /^[\u3400-\u9fff\uf900-\ufaff·]+$/.test(text);
    const simplifiedAlias = isHan ? toSimplified(text) : text;
    anchors.push(simplifiedAlias.toLowerCase());
    patterns.push({
      regex: isHan ? new RegExp(escapeRegExp(simplifiedAlias), 'g') : wordRegex(escapeRegExp(text).replace(/\s+/g, '\\s+')),
      confidence: 0.95,
      simplified: isHan,
    });
  }

  if (/^[\u3400-\u9fff\uf900-\ufaff]{2,4}$/.test(name)) {
    // Chinese: 王建国 → 王医生/王主任…; compound surnames (欧阳) take two characters.
    const simplifiedName = toSimplified(name);
    const twoChar = simplifiedName.slice(0, 2);
    const surname = simplifiedName.length >= 3 && SURNAME_PINYIN[twoChar] ? twoChar : simplifiedName.slice(0, 1);
    const given = simplifiedName.slice(surname.length);
    anchors.push(surname);
    const titles = ZH_TITLES.join('|');
    patterns.push({ regex: new RegExp(`${escapeRegExp(simplifiedName)}(?:${titles})?`, 'g'), confidence: 0.95, simplified: true });
    patterns.push({ regex: new RegExp(`${escapeRegExp(surname)}(?:${titles})`, 'g'), confidence: 0.75, simplified: true });
    patterns.push({ regex: new RegExp(`(?:小|老)${escapeRegExp(surname)}(?![\\u4e00-\\u9fff])`, 'g'), confidence: 0.4, simplified: true });
    const pinyin = SURNAME_PINYIN[surname];
    if (pinyin) {
      anchors.push(pinyin.toLowerCase());
      patterns.push({ regex: wordRegex(`(?:${EN_TITLES.join('|')})\\s*${pinyin}`), confidence: 0.7, simplified: false });
      if (given.length > 0) patterns.push({ regex: wordRegex(`${pinyin}\\s+\\p{Lu}\\p{Ll}+|\\p{Lu}\\p{Ll}+\\s+${pinyin}`), confidence: 0.5, simplified: false });
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
    if (surname) {
      const surnameForms = russianForms(surname);
      anchors.push(surname.slice(0, Math.max(3, surname.length - 2)).toLowerCase());
      const initials = [first, patronymic]
        .filter(Boolean)
        .map((word) => `${escapeRegExp(word![0]!)}\\.\\s*`)
        .join('');
      if (first) {
        const firstForms = russianForms(first);
        const patronymicForms = patronymic ? `\\s+${russianForms(patronymic)}` : '';
        patterns.push({ regex: wordRegex(`${surnameForms}\\s+${firstForms}${patronymicForms}|${firstForms}${patronymicForms}\\s+${surnameForms}`), confidence: 0.97, simplified: false });
      }
      if (initials) patterns.push({ regex: wordRegex(`${surnameForms}\\s+${initials.replace(/\\s\*$/, '')}|${initials}${surnameForms}`), confidence: 0.93, simplified: false });
      patterns.push({ regex: wordRegex(`(?:${RU_TITLES.join('|')})\\s+${surnameForms}`), confidence: 0.85, simplified: false });
      patterns.push({ regex: new RegExp(`(?<![\\p{L}\\p{N}])\\p{Lu}${surnameForms.slice(1)}(?![\\p{L}\\p{N}])`, 'gu'), confidence: 0.7, simplified: false });
      const latin = latinForms(surname);
      anchors.push(transliterate(surname).slice(0, 4));
      patterns.push({ regex: wordRegex(`(?:${EN_TITLES.join('|')})\\s*${latin}`), confidence: 0.8, simplified: false });
      if (first) patterns.push({ regex: wordRegex(`${latinForms(first)}\\s+${latin}|${latin}\\s+${latinForms(first)}`), confidence: 0.9, simplified: false });
    }
    if (first && patronymic) {
      anchors.push(patronymic.slice(0, Math.max(3, patronymic.length - 2)).toLowerCase());
      patterns.push({ regex: wordRegex(`${russianForms(first)}\\s+${russianForms(patronymic)}`), confidence: 0.85, simplified: false });
    }
  } else {
    // Latin names: "John Smith" → full name, "Dr Smith"; the surname alone must be capitalised.
    const words = name.split(/\s+/).filter(Boolean);
    const surname = words[words.length - 1];
    if (surname && words.length > 1) {
      anchors.push(surname.toLowerCase());
      patterns.push({ regex: wordRegex(`(?:${EN_TITLES.join('|')})\\s*${escapeRegExp(surname)}`), confidence: 0.85, simplified: false });
      patterns.push({ regex: new RegExp(`${B}${escapeRegExp(surname)}${E}`, 'gu'), confidence: 0.55, simplified: false });
    }
  }
  return { id: member.id, anchors: [...new Set(anchors.filter(Boolean))], patterns };
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

/** Compiles a roster once; `match` then finds the members a text names. Never throws on text. */
export function createStaffMatcher(roster: readonly RosterMember[]): (text: string, simplified: string, department?: string | null) => StaffMatch[] {
  const members = roster.map(compileMember);
  // Prefilter: anchors indexed by their first two (lower-case) characters, so one pass over the
  // text finds the few members worth running regexes for.
  const anchorIndex = new Map<number, { anchor: string; member: number }[]>();
  members.forEach((member, memberIndex) => {
    for (const anchor of member.anchors) {
      const key = anchor.length > 1 ? (anchor.charCodeAt(0) << 16) | anchor.charCodeAt(1) : anchor.charCodeAt(0) << 16;
      const list = anchorIndex.get(key);
      if (list) list.push({ anchor, member: memberIndex });
      else anchorIndex.set(key, [{ anchor, member: memberIndex }]);
    }
  });
  const hasSingleCharAnchor = members.some((member) => member.anchors.some((anchor) => anchor.length === 1));
  // First characters of all anchors: one typed-array read rejects most positions before any Map lookup.
  const isAnchorStart = new Uint8Array(65536);
  for (const member of members) for (const anchor of member.anchors) isAnchorStart[anchor.charCodeAt(0)] = 1;
  // Case-folds on the fly (ASCII and Cyrillic, as the anchors are) instead of copying the text.
  function collect(text: string, found: Set<number>): void {
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
        if (single) for (const entry of single) found.add(entry.member);
      }
      if (i + 1 >= length) break;
      const list = anchorIndex.get((first << 16) | fold(text.charCodeAt(i + 1)));
      if (!list) continue;
      for (const entry of list) if (!found.has(entry.member) && foldedStartsWith(text, entry.anchor, i)) found.add(entry.member);
    }
  }
  return (text, simplified) => {
    if (members.length === 0) return [];
    const found = new Set<number>();
    collect(text, found);
    if (simplified !== text) collect(simplified, found);
    if (found.size === 0) return [];
    const candidates: { id: string; start: number; end: number; confidence: number }[] = [];
    for (const memberIndex of found) {
      const member = members[memberIndex]!;
      for (const pattern of member.patterns) {
        const haystack = pattern.simplified ? simplified : text;
        pattern.regex.lastIndex = 0;
        let match: RegExpExecArray | null;
        while ((match = pattern.regex.exec(haystack))) {
          if (match[0].length === 0) {
            pattern.regex.lastIndex++;
            continue;
          }
          candidates.push({ id: member.id, start: match.index, end: match.index + match[0].length, confidence: pattern.confidence });
        }
      }
    }
    if (candidates.length === 0) return [];
    // A span named by several members at its best confidence is ambiguous (two Dr Wangs).
    const best = new Map<string, { id: string; start: number; end: number; confidence: number }>();
    for (const candidate of candidates) {
      // A longer, more specific match elsewhere in the same place wins over a contained one.
      const dominated = candidates.some(
        (other) =>
          other !== candidate &&
          other.id !== candidate.id &&
          other.start <= candidate.start &&
          other.end >= candidate.end &&
          other.end - other.start > candidate.end - candidate.start &&
          other.confidence >= candidate.confidence,
      );
      if (dominated) continue;
      const rivals = new Set(candidates.filter((other) => other.start === candidate.start && other.end === candidate.end && other.confidence >= candidate.confidence).map((other) => other.id));
      const confidence = rivals.size > 1 ? candidate.confidence / rivals.size : candidate.confidence;
      const current = best.get(candidate.id);
      if (!current || confidence > current.confidence || (confidence === current.confidence && candidate.end - candidate.start > current.end - current.start)) {
        best.set(candidate.id, { ...candidate, confidence });
      }
    }
    return [...best.values()]
      .sort((a, b) => a.start - b.start)
      .map((entry) => ({ id: entry.id, span: [entry.start, entry.end] as [number, number], confidence: Math.round(entry.confidence * 100) / 100 }));
  };
}
