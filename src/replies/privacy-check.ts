/**
 * The privacy check of a public reply: a clinic must not confirm that the author was its
 * patient, nor disclose health details, names, visit dates, diagnoses, treatments or staff-only
 * facts. Patterns in Chinese, Russian and English run on every draft (replies mix languages);
 * each finding names the words that triggered it and why.
 */

import { repliesMessages } from './replies.messages.ts';
import type { FindingCode, PrivacyFinding } from './replies.vocab.ts';

export interface Finding {
  span: [number, number];
  term: string;
  /** Why, in English (the message of `code`); shown in the reader's language from `code` and `params`. */
  reason: string;
  code: FindingCode;
  params?: Record<string, string>;
}

export interface CheckResult {
  ok: boolean;
  findings: Finding[];
}

/** A finding of `code` on `term` at `span`, its reason in English. */
export function finding(code: FindingCode, span: [number, number], term: string, params?: Record<string, string>): Finding {
  return { span, term, reason: repliesMessages.render('en', `finding.${code}`, params), code, ...(params ? { params } : {}) };
}

const CONFIRMS: PrivacyFinding = 'confirms_patient';
const HEALTH: PrivacyFinding = 'health_detail';
const DATE: PrivacyFinding = 'date';
const NAME: PrivacyFinding = 'staff_name';
const RECORDS: PrivacyFinding = 'records';
const STAFF_ONLY: PrivacyFinding = 'staff_only';

const EN_MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const RU_MONTHS = 'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря';
const EN_CARE_NOUNS =
  'visits?|appointments?|surgery|surgeries|operations?|treatments?|procedures?|diagnos[ie]s|prescriptions?|test results?|results|medical records?|records?|files?|charts?|stay|admission|consultations?|x-rays?|scans?|therapy|medications?|condition|check-?ups?|examinations?|exam|implants?|fillings?|extraction|delivery|pregnancy|illness|injury|doctor|dentist|nurse|physician|surgeon|therapist';
const RU_CARE_NOUNS =
  'диагноз\\p{L}*|операци\\p{L}*|лечени\\p{L}*|визит\\p{L}*|при[её]м\\p{L}*|анализ\\p{L}*|медицинск\\p{L}* карт\\p{L}*|карт\\p{L}*|рецепт\\p{L}*|госпитализаци\\p{L}*|процедур\\p{L}*|обследовани\\p{L}*|болезн\\p{L}*|беременност\\p{L}*|врач\\p{L}*|доктор\\p{L}*|пребывани\\p{L}*|снимк\\p{L}*|снимок|имплант\\p{L}*|пломб\\p{L}*';
const ZH_CARE_NOUNS = '手术|诊断|治疗|病情|病历|处方|就诊|就医|预约|住院|用药|化验|检查结果|检查报告|报告|牙齿|种植牙|根管|病|主治医生|医生|大夫|护士|药';

const EN_MEDICAL = [
  'surgery',
  'surgeries',
  'operation',
  'diagnosis',
  'diagnosed',
  'biopsy',
  'cancer',
  'tumou?r',
  'diabetes',
  'pregnan(?:t|cy)',
  'miscarriage',
  'abortion',
  'root canal',
  'implants?',
  'chemotherapy',
  'chemo',
  'prescri(?:bed|ption)',
  'x-ray',
  'mri',
  'ct scan',
  'ultrasound',
  'blood tests?',
  'infection',
  'fracture',
  'hiv',
  'hepatitis',
  'depression',
  'anesthesia',
  'anaesthesia',
  'medication',
  'tooth extraction',
  'stitches',
  'ivf',
  'cesarean',
  'caesarean',
];
// Latin abbreviations among them are guarded so that e.g. "CONTACT" does not contain a CT scan.
const ZH_MEDICAL = [
  '手术',
  '诊断',
  '确诊',
  '活检',
  '癌',
  '肿瘤',
  '糖尿病',
  '怀孕',
  '流产',
  '根管',
  '种植牙',
  '化疗',
  '处方',
  '病历',
  '住院',
  '拔牙',
  '骨折',
  '感染',
  '麻醉',
  '乙肝',
  '艾滋',
  '抑郁',
  '剖腹产',
  '试管婴儿',
  '核磁',
  '(?<![A-Za-z])CT(?![A-Za-z])',
  '(?<![A-Za-z])B超',
  '验血',
];
const RU_MEDICAL = [
  'операци\\p{L}*',
  'диагноз\\p{L}*',
  'биопси\\p{L}*',
  'рак\\p{L}{0,3}',
  'опухол\\p{L}*',
  'диабет\\p{L}*',
  'беременност\\p{L}*',
  'выкидыш\\p{L}*',
  'аборт\\p{L}*',
  'имплант\\p{L}*',
  'химиотерапи\\p{L}*',
  'рецепт\\p{L}*',
  'рентген\\p{L}*',
  'мрт',
  'узи',
  'анализ\\p{L}* крови',
  'инфекци\\p{L}*',
  'перелом\\p{L}*',
  'гепатит\\p{L}*',
  'депресси\\p{L}*',
  'наркоз\\p{L}*',
  'анестези\\p{L}*',
  'удалени\\p{L}* зуба',
  'каналов',
  'эко',
  'кесарев\\p{L}*',
];

interface Rule {
  pattern: RegExp;
  code: PrivacyFinding;
}

/** Word boundaries that also work next to Cyrillic letters (\b is ASCII-only in JS). */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

const RULES: Rule[] = [
  // English
  { pattern: new RegExp(`${B}(?:your|ur)\\s+(?:recent\\s+|last\\s+|previous\\s+)?(?:${EN_CARE_NOUNS})${E}`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}as your\\s+(?:doctor|dentist|nurse|physician|surgeon|therapist|provider)${E}`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}(?:when|while) you (?:were|was) (?:here|treated|admitted|seen|in our care|with us|our patient)${E}`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}(?:you are|you're|you were|as) (?:a |our )?(?:patient|client) (?:of ours|at our|here|with us)${E}`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}(?:our|the) records (?:show|indicate|confirm)${E}`, 'giu'), code: RECORDS },
  { pattern: new RegExp(`${B}(?:[Dd]r\\.?|DR\\.?|[Dd]octor|[Nn]urse|[Pp]rof\\.?)\\s+\\p{Lu}[\\p{L}'-]+`, 'gu'), code: NAME },
  { pattern: new RegExp(`${B}(?:${EN_MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?${E}`, 'giu'), code: DATE },
  { pattern: new RegExp(`${B}\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:${EN_MONTHS})${E}(?:\\s+\\d{4})?`, 'giu'), code: DATE },
  { pattern: new RegExp(`${B}\\d{4}-\\d{1,2}-\\d{1,2}${E}|${B}\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}${E}`, 'gu'), code: DATE },
  { pattern: new RegExp(`${B}(?:${EN_MEDICAL.join('|')})${E}`, 'giu'), code: HEALTH },
  {
    pattern: new RegExp(
      `${B}(?:internal (?:investigation|review|inquiry|records?|notes?)|disciplin(?:ed|ary(?: action)?)|(?:was|been|were|has been|have been) (?:fired|dismissed|suspended|reprimanded|disciplined)|cctv|camera footage|surveillance (?:video|footage))${E}`,
      'giu',
    ),
    code: STAFF_ONLY,
  },
  // Chinese
  { pattern: /内部调查|内部记录|纪律处分|处分了|被开除|已开除|停职|监控录像|监控视频/gu, code: STAFF_ONLY },
  { pattern: new RegExp(`[您你](?:的|之前的|上次的|此次的|这次的)(?:${ZH_CARE_NOUNS})`, 'gu'), code: CONFIRMS },
  { pattern: /[您你](?:在|来)(?:我院|本院|我们医院|我们诊所|本诊所)(?:就诊|就医|治疗|看病|住院|手术)?/gu, code: CONFIRMS },
  { pattern: /作为[您你]的(?:主治)?(?:医生|大夫|护士)/gu, code: CONFIRMS },
  { pattern: /[您你](?:于|在)?(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]?(?:的)?(?:就诊|就医|来院|手术|治疗|看病|复诊|住院)/gu, code: CONFIRMS },
  { pattern: /(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]/gu, code: DATE },
  // A surname before the title; particles such as 的 ("our doctors") are not names.
  { pattern: /[^\P{Script=Han}的们位名个和与及该这那您你我]{1,2}(?:医生|大夫|主任|护士|院长)/gu, code: NAME },
  { pattern: new RegExp(ZH_MEDICAL.join('|'), 'gu'), code: HEALTH },
  // Russian
  {
    pattern: new RegExp(
      `${B}(?:внутренн\\p{L}* (?:расследовани|проверк|служебн)\\p{L}*|служебн\\p{L}* (?:расследовани|проверк)\\p{L}*|уволен\\p{L}*|выговор\\p{L}*|отстранен\\p{L}*|дисциплинарн\\p{L}*|видеонаблюдени\\p{L}*|запис\\p{L}* камер\\p{L}*)${E}`,
      'giu',
    ),
    code: STAFF_ONLY,
  },
  { pattern: new RegExp(`${B}(?:ваш|ваша|ваше|ваши|вашего|вашей|вашу|вашим|вашем|ваших|вашими)\\s+(?:последн\\p{L}*\\s+|недавн\\p{L}*\\s+)?(?:${RU_CARE_NOUNS})${E}`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}(?:как ваш\\p{L}*|ваш\\p{L}*) (?:лечащ\\p{L}* )?(?:врач|доктор|стоматолог|хирург|медсестра)${E}`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}(?:когда|пока) вы (?:были|лежали|лечились|находились) (?:у нас|в нашей|в клинике|в больнице)`, 'giu'), code: CONFIRMS },
  { pattern: new RegExp(`${B}(?:[Дд]октор|[Вв]рач|[Мм]едсестра|[Хх]ирург)\\s+\\p{Lu}\\p{Ll}+`, 'gu'), code: NAME },
  { pattern: new RegExp(`${B}\\d{1,2}\\s+(?:${RU_MONTHS})${E}(?:\\s+\\d{4}(?:\\s*г(?:ода|\\.)?)?)?`, 'giu'), code: DATE },
  { pattern: new RegExp(`${B}(?:${RU_MEDICAL.join('|')})${E}`, 'giu'), code: HEALTH },
];

/** A member of the staff roster whose names must not appear in a public reply. */
export interface RosterName {
  name: string;
  aliases: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Checks a draft; never throws. Findings come in text order, without findings nested inside another. */
export function checkPrivacy(text: string, roster: RosterName[] = []): CheckResult {
  const found: Finding[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) found.push(finding(rule.code, [m.index, m.index + m[0].length], m[0]));
  }
  for (const member of roster) {
    for (const name of [member.name, ...member.aliases]) {
      if (name.trim().length < 2) continue;
      const pattern = /^[\p{Script=Han}]/u.test(name) ? new RegExp(escapeRegExp(name), 'gu') : new RegExp(`${B}${escapeRegExp(name)}${E}`, 'giu');
      for (const m of text.matchAll(pattern)) found.push(finding(NAME, [m.index, m.index + m[0].length], m[0]));
    }
  }
  return { ok: found.length === 0, findings: withoutNested(found) };
}

/** Sorts findings and drops one whose span lies inside another's (the wider one explains more). */
function withoutNested(findings: Finding[]): Finding[] {
  const sorted = [...findings].sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  const kept: Finding[] = [];
  for (const f of sorted) {
    const inside = kept.some((k) => k.span[0] <= f.span[0] && f.span[1] <= k.span[1] && !(k.span[0] === f.span[0] && k.span[1] === f.span[1] && k.code !== f.code));
    if (!inside) kept.push(f);
  }
  return kept;
}
