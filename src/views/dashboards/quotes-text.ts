import { checkPrivacy } from '../../replies/index.ts';

/*
 * Representative quotes: the shortest clear span about an aspect, with the people in it masked.
 *
 * What is masked: every person's name except the clinic's own staff (a name the analysis linked to
 * the roster, `analysis.staff`, or a roster name or alias), so a quote may still praise or blame a
 * doctor by name but never names a patient or a relative; phone numbers, e-mail addresses, ID and
 * record numbers (six digits or more); the author's handle where the text repeats it. Names are
 * found by the replies' privacy check (a title with a name: Dr. Smith, 王医生, доктор Иванов) and by
 * cues of our own: a courtesy title (王先生, Mrs. Brown, господин Петров), a relative or "patient"
 * before a name (我妈妈李秀英, my mother Anna, пациентка Смирнова), "my name is", a Russian name
 * with a patronymic or an initial. A quote is a reading aid, not an anonymisation tool: the
 * mention itself is one click away for those allowed to see it.
 */

export const QUOTE_MAX = 140;
export const MASK = '***';

const ZH_SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝' +
  '陳劉楊黃趙吳孫馬鄭謝許韓馮鄧蕭葉蘇呂盧鍾譚陸賈韋鄒龔萬錢嚴湯顧賀龍閆羅張區歐陽諸葛司馬';
const SURNAME = `[${ZH_SURNAMES}]`;
const HAN = '[\\u4e00-\\u9fff]';
/** The second character of a given name, unless it is a word that commonly follows a name (在, 是, 的…). */
const GIVEN_SECOND = `(?:(?![在是的了和也就都被把给跟从到说去来又还很对让向于等])${HAN})`;
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const CAP = "\\p{Lu}[\\p{Ll}'’-]+";
const CAP_NAMES = `${CAP}(?:\\s+${CAP}){0,2}`;

interface NamePattern {
  pattern: RegExp;
  /** The capture group that is the name (masked); the rest of the match stays. */
  group: number;
}

const NAME_PATTERNS: NamePattern[] = [
  // Chinese: a courtesy title after a surname, a cue before a name.
  { pattern: new RegExp(`(${SURNAME}${HAN}?)(?=先生|女士|小姐|太太|阿姨|叔叔|大爷|大妈|奶奶|爷爷|同学|师傅)`, 'gu'), group: 1 },
  {
    pattern: new RegExp(
      `(?:患者|病人|病患|家属|我叫|我是|名叫|叫做|姓名|我妈妈|我爸爸|我妈|我爸|我母亲|我父亲|我老公|我老婆|我丈夫|我妻子|我儿子|我女儿|我孩子|我奶奶|我爷爷|我外婆|我姥姥)[:：\\s]?(${SURNAME}${HAN}${GIVEN_SECOND}?)`,
      'gu',
    ),
    group: 1,
  },
  // English
  { pattern: new RegExp(`${B}(?:Mr|Mrs|Ms|Miss|Mx)\\.?\\s+(${CAP_NAMES})`, 'gu'), group: 1 },
  { pattern: new RegExp(`${B}(?:[Mm]y name is|[Ii] am|[Ii]['’]m|[Cc]alled|[Nn]amed)\\s+(${CAP_NAMES})`, 'gu'), group: 1 },
  {
    pattern: new RegExp(
      `${B}(?:[Mm]y|[Oo]ur)\\s+(?:mother|father|mom|mum|dad|wife|husband|son|daughter|child|baby|kid|grandmother|grandfather|grandma|grandpa|granny|sister|brother|friend|partner|aunt|uncle)(?:,)?\\s+(${CAP_NAMES})`,
      'gu',
    ),
    group: 1,
  },
  { pattern: new RegExp(`${B}(?:[Pp]atient|[Rr]esident)\\s+(${CAP_NAMES})`, 'gu'), group: 1 },
  // Russian
  {
    pattern: new RegExp(
      `${B}(?:[Мм]еня зовут|[Зз]овут|[Пп]ациент(?:ка|ку|а|ки|у)?|[Гг]осподин|[Гг]оспожа|[Мм]ама|[Мм]ать|[Оо]тец|[Пп]апа|[Мм]уж|[Жж]ена|[Сс]ын|[Дд]очь|[Дд]очка|[Бб]абушка|[Дд]едушка|[Рр]еб[её]нок)\\s+(${CAP_NAMES})`,
      'gu',
    ),
    group: 1,
  },
  { pattern: new RegExp(`${B}((?:${CAP}\\s+){0,2}\\p{Lu}\\p{Ll}+(?:ович|евич|ьич|овн|евн|ичн|иничн)\\p{Ll}{0,3})${E}`, 'gu'), group: 1 },
  { pattern: new RegExp(`${B}(\\p{Lu}\\p{Ll}+\\s+\\p{Lu}\\.\\s?(?:\\p{Lu}\\.)?|\\p{Lu}\\.\\s?(?:\\p{Lu}\\.)?\\s?\\p{Lu}\\p{Ll}+)`, 'gu'), group: 1 },
];

const CONTACT_PATTERNS: RegExp[] = [
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu,
  // Phone numbers: seven digits or more with the usual separators.
  /(?<![\p{L}\p{N}])\+?\(?\d(?:[\s().-]{0,2}\d){6,}(?![\p{L}\p{N}])/gu,
  // ID, record and policy numbers: six digits or more (a Chinese ID ends in X), or letters then five digits or more.
  /\d{6,}[Xx]?/gu,
  /(?<![\p{L}\p{N}])\p{Lu}{1,5}-?\d{5,}(?![\p{L}\p{N}])/gu,
];

export interface MaskContext {
  /** Spans the analysis linked to the roster (`analysis.staff`): their names stay. */
  staffSpans: readonly [number, number][];
  /** The organisation's roster names and aliases: a name that is one of them stays. */
  rosterNames: readonly string[];
  author: string | null;
}

/** A span of the text to replace by MASK. */
type Mask = [number, number];

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

/** The spans of a text that a quote must not show (offsets into the text). */
export function personalSpans(text: string, context: MaskContext): Mask[] {
  const roster = context.rosterNames.filter((n) => n.trim().length >= 2).map((n) => n.toLowerCase());
  const isStaff = (span: Mask, name: string) => context.staffSpans.some((s) => overlaps(s, span)) || roster.some((r) => name.toLowerCase().includes(r));
  const masks: Mask[] = [];
  const addName = (start: number, name: string) => {
    const span: Mask = [start, start + name.length];
    if (name.trim() && !isStaff(span, name)) masks.push(span);
  };
  for (const f of checkPrivacy(text).findings) {
    if (f.code !== 'staff_name') continue;
    const term = text.slice(f.span[0], f.span[1]);
    const zh = /^(\p{Script=Han}{1,2}?)(?:医生|大夫|主任|护士|院长)$/u.exec(term);
    if (zh) {
      // The check takes any one or two characters before a title; a name starts with a surname (急诊科医生 is no one).
      const name = /^\p{Script=Han}{2}$/u.test(zh[1]!) && !ZH_SURNAMES.includes(zh[1]![0]!) ? zh[1]!.slice(1) : zh[1]!;
      if (ZH_SURNAMES.includes(name[0]!)) addName(f.span[0] + zh[1]!.length - name.length, name);
      continue;
    }
    const latin = /^(\S+\.?\s+)(.+)$/u.exec(term);
    if (latin) addName(f.span[0] + latin[1]!.length, latin[2]!);
  }
  for (const { pattern, group } of NAME_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const name = m[group];
      if (!name) continue;
      addName(m.index + m[0].lastIndexOf(name), name.trimEnd());
    }
  }
  for (const pattern of CONTACT_PATTERNS) for (const m of text.matchAll(pattern)) masks.push([m.index, m.index + m[0].length]);
  const handle = context.author?.replace(/^@/, '').trim();
  if (handle && handle.length >= 2) {
    const escaped = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`@?${escaped}`, 'giu'))) masks.push([m.index, m.index + m[0].length]);
  }
  return mergeSpans(masks);
}

function mergeSpans(spans: Mask[]): Mask[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Mask[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

const ABBREVIATION = /(?:^|[^\p{L}])(?:Dr|Mr|Mrs|Ms|Mx|Prof|St|Jr|Sr|vs|etc|No|др|г|ул|им|проф|\p{Lu})$/u;

/** A sentence end: . ! ? 。 ！ ？ … or a line break, but not the full stop of an abbreviation or an initial, nor one inside a word or number (3.5, a.b@c.com). */
const SENTENCE_END = {
  test(ch: string, text?: string, at?: number): boolean {
    if (!/[.!?。！？…\n]/u.test(ch)) return false;
    if (ch !== '.' || text === undefined || at === undefined) return true;
    const next = text[at + 1];
    if (next !== undefined && !/\s/u.test(next)) return false;
    return !ABBREVIATION.test(text.slice(Math.max(0, at - 6), at));
  },
};
const CLAUSE_END = /[,;:，；：、]/u;
const isCjk = (ch: string | undefined) => ch !== undefined && /[\u3000-\u9fff\uff00-\uffef]/.test(ch);

/** [start, end) of the run around `at` delimited by characters matching `end` (the delimiter stays with its run). */
function runAround(text: string, from: number, to: number, at: number, end: { test(ch: string, text?: string, at?: number): boolean }): [number, number] {
  let start = at;
  while (start > from && !end.test(text[start - 1]!, text, start - 1)) start--;
  let stop = at;
  while (stop < to && !end.test(text[stop]!, text, stop)) stop++;
  while (stop < to && end.test(text[stop]!, text, stop)) stop++;
  return [start, stop];
}

const trimRange = (text: string, [s, e]: [number, number]): [number, number] => {
  while (s < e && /[\s,;:，；：、)）"”»]/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return [s, e];
};

export interface QuoteSpan {
  start: number;
  end: number;
  /** Cut inside a clause: the quote carries an ellipsis at the cut ends. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * The shortest clear span about `span`: its sentence when that is short enough, else its clause
 * (with the clause before it when the clause alone says too little), else a window of at most
 * `max` characters around it, cut at a space (any character in Chinese).
 */
export function quoteSpan(text: string, span: readonly [number, number], max = QUOTE_MAX): QuoteSpan {
  const at = Math.min(Math.max(0, span[0]), Math.max(0, text.length - 1));
  const sentence = trimRange(text, runAround(text, 0, text.length, at, SENTENCE_END));
  if (sentence[1] - sentence[0] <= max) return { start: sentence[0], end: sentence[1], cutStart: false, cutEnd: false };
  let clause = trimRange(text, runAround(text, sentence[0], sentence[1], at, CLAUSE_END));
  if (clause[1] - clause[0] < 24 && clause[0] > sentence[0]) {
    const before = trimRange(text, runAround(text, sentence[0], sentence[1], Math.max(sentence[0], clause[0] - 2), CLAUSE_END));
    if (clause[1] - before[0] <= max) clause = [before[0], clause[1]];
  }
  if (clause[1] - clause[0] <= max) return { start: clause[0], end: clause[1], cutStart: clause[0] > sentence[0], cutEnd: clause[1] < sentence[1] };
  // A window centred on the aspect's words, cut on a word boundary.
  const centre = Math.floor((Math.max(span[0], clause[0]) + Math.min(span[1], clause[1])) / 2);
  let start = Math.max(clause[0], centre - Math.floor(max / 2));
  let end = Math.min(clause[1], start + max);
  start = Math.max(clause[0], end - max);
  if (start > clause[0] && !isCjk(text[start])) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < centre) start = space + 1;
  }
  if (end < clause[1] && !isCjk(text[end - 1])) {
    const space = text.lastIndexOf(' ', end);
    if (space > centre) end = space;
  }
  const [s, e] = trimRange(text, [start, end]);
  return { start: s, end: e, cutStart: s > sentence[0], cutEnd: e < sentence[1] };
}

/** The quote of `span` with its personal spans masked (masks are `personalSpans` of the whole text). */
export function quoteText(text: string, quote: QuoteSpan, masks: readonly Mask[]): { text: string; masked: boolean } {
  let out = '';
  let at = quote.start;
  let masked = false;
  for (const [s, e] of masks) {
    if (e <= quote.start || s >= quote.end) continue;
    out += text.slice(at, Math.max(at, s));
    out += MASK;
    at = Math.max(at, Math.min(e, quote.end));
    masked = true;
  }
  out += text.slice(at, quote.end);
  return { text: `${quote.cutStart ? '…' : ''}${out.trim()}${quote.cutEnd ? '…' : ''}`, masked };
}
