import type { Locale, Text } from '../../core/i18n.ts';
import { LOCALES } from '../../core/i18n.ts';
import { outreachMessages } from '../outreach.messages.ts';
import { VISIT_KINDS, type VisitKind } from '../outreach.vocab.ts';
import type { ParsedVisit } from './parsed-visit.ts';

/** The organisation's places and people a visit row may name, by code or name. */
export interface OrgRefs {
  locations: { id: string; code: string; name: string }[];
  departments: { id: string; code: string; name: string; location_id: string | null }[];
  staff: { id: string; name: string; aliases: string[]; department_id: string | null }[];
  timezone: string;
}

export interface CheckedVisit {
  ref: ParsedVisit['ref'];
  mrn: string;
  name: string;
  phone: string | null;
  email: string | null;
  locale: Locale | null;
  visitId: string;
  kind: VisitKind;
  locationId: string | null;
  departmentId: string | null;
  staffId: string | null;
  startedAt: Date | null;
  endedAt: Date | null;
}

/** The offset of `timezone` from UTC at `at`, in milliseconds. */
function offsetMs(at: Date, timezone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return local - Math.floor(at.getTime() / 1000) * 1000;
}

/** A date and time; one without an offset ("2026-11-30 14:05") is the organisation's local time. Null when unreadable. */
export function parseVisitTime(value: string, timezone: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', tz] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (Number.isNaN(utc) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59) return null;
  if (tz) {
    const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${tz.toUpperCase() === 'Z' ? 'Z' : tz.length === 5 ? `${tz.slice(0, 3)}:${tz.slice(3)}` : tz}`);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  const guess = new Date(utc);
  return new Date(utc - offsetMs(new Date(utc - offsetMs(guess, timezone)), timezone));
}

const fold = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{5,24}$/;

/** The words Chinese and Russian hospital systems write for a visit's kind (as the CSV reader lowers them, spaces as _). */
const KIND_WORDS: Record<string, VisitKind> = {
  门诊: 'outpatient',
  住院: 'inpatient',
  急诊: 'emergency',
  日间手术: 'day_case',
  日间: 'day_case',
  互联网诊疗: 'telehealth',
  远程: 'telehealth',
  амбулаторно: 'outpatient',
  амбулаторный: 'outpatient',
  стационар: 'inpatient',
  стационарный: 'inpatient',
  экстренно: 'emergency',
  экстренный: 'emergency',
  дневной_стационар: 'day_case',
  телемедицина: 'telehealth',
};

/** Checks one parsed visit against the organisation: a CheckedVisit, or the reason it is refused. */
export function checkVisit(v: ParsedVisit, refs: OrgRefs): CheckedVisit | { reason: Text } {
  const t = outreachMessages.text;
  if (!v.mrn) return { reason: t('row.missingMrn') };
  if (!v.visitId) return { reason: t('row.missingVisitId') };
  const kind = (KIND_WORDS[v.kind ?? ''] ?? v.kind ?? 'outpatient') as VisitKind;
  if (!VISIT_KINDS.includes(kind)) return { reason: t('row.badKind', { value: String(v.kind), allowed: VISIT_KINDS.join(', ') }) };
  const locale = v.locale ? (LOCALES.find((l) => l.toLowerCase() === v.locale!.toLowerCase()) ?? (/^zh/i.test(v.locale) ? 'zh-CN' : null)) : null;
  if (v.locale && !locale) return { reason: t('row.badLanguage', { value: v.locale }) };
  if (v.email && !EMAIL.test(v.email)) return { reason: t('row.badEmail', { value: v.email }) };
  if (v.phone && !PHONE.test(v.phone)) return { reason: t('row.badPhone', { value: v.phone }) };
  const startedAt = v.startedAt ? parseVisitTime(v.startedAt, refs.timezone) : null;
  if (v.startedAt && !startedAt) return { reason: t('row.badDate', { field: 'started', value: v.startedAt }) };
  const endedAt = v.endedAt ? parseVisitTime(v.endedAt, refs.timezone) : null;
  if (v.endedAt && !endedAt) return { reason: t('row.badDate', { field: 'ended', value: v.endedAt }) };
  if (startedAt && endedAt && endedAt < startedAt) return { reason: t('row.endBeforeStart') };
  let locationId: string | null = null;
  if (v.location) {
    const l = refs.locations.find((x) => fold(x.code) === fold(v.location!)) ?? refs.locations.find((x) => fold(x.name) === fold(v.location!));
    if (!l) return { reason: t('row.unknownLocation', { value: v.location }) };
    locationId = l.id;
  }
  let departmentId: string | null = null;
  if (v.department) {
    const candidates = refs.departments.filter((x) => !locationId || !x.location_id || x.location_id === locationId);
    const d = candidates.find((x) => fold(x.code) === fold(v.department!)) ?? candidates.find((x) => fold(x.name) === fold(v.department!));
    if (!d) return { reason: t('row.unknownDepartment', { value: v.department }) };
    departmentId = d.id;
    locationId ??= d.location_id;
  }
  let staffId: string | null = null;
  if (v.doctor) {
    const name = fold(v.doctor).replace(/^(dr\.?|doctor|др\.?|доктор)\s+/, '');
    const matches = (x: OrgRefs['staff'][number]) => [x.name, ...x.aliases].some((n) => [name, fold(v.doctor!)].includes(fold(n).replace(/^(dr\.?|doctor|др\.?|доктор)\s+/, '')));
    const s = refs.staff.find((x) => matches(x) && (!departmentId || x.department_id === departmentId)) ?? refs.staff.find(matches);
    if (!s) return { reason: t('row.unknownDoctor', { value: v.doctor }) };
    staffId = s.id;
    departmentId ??= s.department_id;
  }
  return { ref: v.ref, mrn: v.mrn, name: v.name ?? '', phone: v.phone, email: v.email, locale, visitId: v.visitId, kind, locationId, departmentId, staffId, startedAt, endedAt };
}
