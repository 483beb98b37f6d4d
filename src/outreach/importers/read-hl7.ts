import { outreachMessages } from '../outreach.messages.ts';
import type { VisitKind } from '../outreach.vocab.ts';
import { fhirLocale } from './read-fhir.ts';
import { clean, FileRefused, type ParsedFile, type ParsedVisit, type Rejection } from './parsed-visit.ts';

/*
 * HL7 v2 ADT^A03 (discharge) messages, read by hand: segments split on CR or LF, fields on the
 * separator MSH-1 declares, repetitions, components and subcomponents on MSH-2's characters. A
 * file may hold several messages, each starting with MSH. Other message types are refused with
 * their type named.
 */

/** PV1-2 patient class → visit kind. */
const CLASS_KINDS: Record<string, VisitKind> = { I: 'inpatient', O: 'outpatient', E: 'emergency', P: 'day_case', R: 'outpatient', B: 'inpatient', C: 'outpatient' };

interface Encoding {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

type Segment = string[];

function unescape(value: string, enc: Encoding): string {
  if (!value.includes(enc.escape)) return value;
  const e = enc.escape.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return value.replace(new RegExp(`${e}([FSTRE])${e}`, 'g'), (_, c: string) => ({ F: enc.field, S: enc.component, T: enc.subcomponent, R: enc.repetition, E: enc.escape })[c]!);
}

/** The components of a field's first repetition (1-based as HL7 counts: c[1] is the first). */
function components(field: string | undefined, enc: Encoding, repetition = 0): (string | null)[] {
  const rep = (field ?? '').split(enc.repetition)[repetition] ?? '';
  return [null, ...rep.split(enc.component).map((c) => clean(unescape(c.split(enc.subcomponent)[0] ?? '', enc)))];
}

function repetitions(field: string | undefined, enc: Encoding): number {
  return field ? field.split(enc.repetition).length : 0;
}

const CJK = /[\u3400-\u9fff]/;
function personName(family: string | null, given: string | null): string | null {
  if (!family && !given) return null;
  if (CJK.test(`${family ?? ''}${given ?? ''}`)) return `${family ?? ''}${given ?? ''}`;
  return [given, family].filter(Boolean).join(' ');
}

/** An HL7 TS (YYYYMMDD[HHMM[SS[.S]]][+/-ZZZZ]) as an ISO string; without an offset it stays local time. */
export function hl7Time(value: string | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.\d+)?)?)?([+-]\d{4})?$/.exec(value);
  if (!m) return value;
  const [, y, mo, d, h = '00', mi = '00', s = '00', tz] = m;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${tz ? `${tz.slice(0, 3)}:${tz.slice(3)}` : ''}`;
}

function field(segment: Segment | undefined, n: number): string | undefined {
  return segment?.[n];
}

/** Splits a file into messages of segments; each message begins with its MSH. */
function splitMessages(text: string): { segments: Segment[]; enc: Encoding }[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const messages: { lines: string[] }[] = [];
  for (const line of lines) {
    if (line.startsWith('MSH') || messages.length === 0) messages.push({ lines: [] });
    messages[messages.length - 1]!.lines.push(line);
  }
  return messages.map(({ lines: ls }) => {
    const msh = ls[0]!;
    const fieldSep = msh.startsWith('MSH') ? msh.charAt(3) || '|' : '|';
    const chars = msh.startsWith('MSH') ? (msh.slice(4).split(fieldSep)[0] ?? '^~\\&') : '^~\\&';
    const enc: Encoding = { field: fieldSep, component: chars[0] ?? '^', repetition: chars[1] ?? '~', escape: chars[2] ?? '\\', subcomponent: chars[3] ?? '&' };
    // MSH-1 is the separator itself: an empty slot keeps MSH-n at index n as for every other segment.
    const segments = ls.map((l) => (l.startsWith('MSH') ? ['MSH', fieldSep, ...l.slice(4).split(fieldSep)] : l.split(fieldSep)));
    return { segments, enc };
  });
}

/** Whether a file looks like HL7 v2 (its first segment is MSH). */
export function looksLikeHl7(text: string): boolean {
  return /^\uFEFF?\s*MSH./.test(text);
}

/** Reads ADT^A03 messages; a message of another type, or without MSH, PID or PV1, is refused with its reason. */
export function readHl7Messages(text: string): ParsedFile {
  const messages = splitMessages(text);
  if (messages.length === 0) throw new FileRefused(outreachMessages.text('import.empty'));
  const visits: ParsedVisit[] = [];
  const rejected: Rejection[] = [];
  messages.forEach(({ segments, enc }, i) => {
    const n = i + 1;
    const ref = { unit: 'message' as const, n };
    const msh = segments[0]!;
    if (msh[0] !== 'MSH') return rejected.push({ ref, reason: outreachMessages.text('import.noMsh', { n }) });
    const type = components(field(msh, 9), enc);
    const typeName = [type[1], type[2]].filter(Boolean).join('^') || '?';
    if (type[1] !== 'ADT' || type[2] !== 'A03') return rejected.push({ ref, reason: outreachMessages.text('import.notA03', { n, type: typeName }) });
    const pid = segments.find((s) => s[0] === 'PID');
    const pv1 = segments.find((s) => s[0] === 'PV1');
    if (!pid) return rejected.push({ ref, reason: outreachMessages.text('import.noPid', { n }) });
    if (!pv1) return rejected.push({ ref, reason: outreachMessages.text('import.noPv1', { n }) });
    // PID-3: the identifier typed MR, else the first.
    let mrn: string | null = null;
    for (let r = 0; r < repetitions(field(pid, 3), enc); r++) {
      const cx = components(field(pid, 3), enc, r);
      if (cx[5] === 'MR' || mrn === null) mrn = cx[1] ?? mrn;
      if (cx[5] === 'MR') break;
    }
    const name = components(field(pid, 5), enc);
    // PID-13: phones (PRN/ORN…, or components 5–7) and e-mail (NET/Internet, component 4).
    let phone: string | null = null;
    let email: string | null = null;
    for (let r = 0; r < repetitions(field(pid, 13), enc); r++) {
      const xtn = components(field(pid, 13), enc, r);
      if (xtn[2] === 'NET' || xtn[3] === 'Internet' || xtn[3] === 'X.400' || (xtn[4] ?? '').includes('@') || (xtn[1] ?? '').includes('@')) email ??= xtn[4] ?? xtn[1] ?? null;
      else phone ??= xtn[1] ?? (xtn[7] ? `${xtn[5] ? `+${xtn[5]}` : ''}${xtn[6] ?? ''}${xtn[7]}` : null);
    }
    const location = components(field(pv1, 3), enc);
    const doctor = components(field(pv1, 7), enc);
    const patientClass = components(field(pv1, 2), enc)[1];
    visits.push({
      ref,
      mrn,
      name: personName(name[1] ?? null, name[2] ?? null),
      phone,
      email,
      locale: fhirLocale(components(field(pid, 15), enc)[1] ?? null),
      visitId: components(field(pv1, 19), enc)[1] ?? null,
      kind: patientClass ? (CLASS_KINDS[patientClass.toUpperCase()] ?? patientClass) : null,
      location: location[4] ?? null,
      department: location[1] ?? null,
      doctor: personName(doctor[2] ?? null, doctor[3] ?? null) ?? doctor[1] ?? null,
      startedAt: hl7Time(components(field(pv1, 44), enc)[1] ?? null),
      endedAt: hl7Time(components(field(pv1, 45), enc)[1] ?? null),
    });
    return undefined;
  });
  return { visits, rejected };
}
