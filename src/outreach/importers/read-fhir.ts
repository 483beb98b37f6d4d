import { outreachMessages } from '../outreach.messages.ts';
import type { VisitKind } from '../outreach.vocab.ts';
import { clean, FileRefused, type ParsedFile, type ParsedVisit, type Rejection } from './parsed-visit.ts';

/*
 * FHIR R4: a JSON Bundle of Encounter resources. Patients come from the encounter's `contained`
 * resources or from the bundle's own Patient entries, referenced by `subject` ("#id",
 * "Patient/id" or the entry's fullUrl). Location, department (serviceProvider) and doctor
 * (participant) are taken by identifier value, else by display.
 */

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : null);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' || typeof v === 'number' ? clean(v) : null);

/** Encounter.class codes (v3 ActCode) → visit kinds. */
const CLASS_KINDS: Record<string, VisitKind> = {
  AMB: 'outpatient',
  IMP: 'inpatient',
  ACUTE: 'inpatient',
  NONAC: 'inpatient',
  EMER: 'emergency',
  SS: 'day_case',
  OBSENC: 'day_case',
  VR: 'telehealth',
  HH: 'outpatient',
  FLD: 'outpatient',
  PRENC: 'outpatient',
};

/** A Reference's identifier value, else its display. */
function refValue(reference: unknown): string | null {
  const r = obj(reference);
  if (!r) return null;
  return str(obj(r.identifier)?.value) ?? str(r.display);
}

function telecom(patient: Json, system: 'phone' | 'email'): string | null {
  const entries = arr(patient.telecom)
    .map(obj)
    .filter((t): t is Json => !!t && t.system === system && !!str(t.value));
  const preferred = entries.find((t) => t.use === 'mobile') ?? entries[0];
  return preferred ? str(preferred.value) : null;
}

function patientName(patient: Json): string | null {
  const name =
    arr(patient.name)
      .map(obj)
      .find((n) => n) ?? null;
  if (!name) return null;
  return str(name.text) ?? clean([...arr(name.given).map(str), str(name.family)].filter(Boolean).join(' '));
}

/** The patient's MRN: an identifier typed MR, else the first identifier, else the resource id. */
function mrnOf(patient: Json): string | null {
  const ids = arr(patient.identifier)
    .map(obj)
    .filter((i): i is Json => !!i && !!str(i.value));
  const mr = ids.find((i) => arr(obj(i.type)?.coding).some((c) => obj(c)?.code === 'MR'));
  return str((mr ?? ids[0])?.value) ?? str(patient.id);
}

function languageOf(patient: Json): string | null {
  const comm = arr(patient.communication)
    .map(obj)
    .filter((c): c is Json => !!c);
  const chosen = comm.find((c) => c.preferred === true) ?? comm[0];
  const coding = chosen ? arr(obj(chosen.language)?.coding).map(obj)[0] : null;
  return str(coding?.code) ?? str(obj(chosen?.language)?.text) ?? null;
}

/** Maps a FHIR language tag onto Verity's locales where it can (zh, zh-Hans → zh-CN; ru-RU → ru; en-GB → en). */
export function fhirLocale(tag: string | null): string | null {
  if (!tag) return null;
  const t = tag.toLowerCase();
  if (t.startsWith('zh')) return 'zh-CN';
  if (t.startsWith('ru')) return 'ru';
  if (t.startsWith('en')) return 'en';
  return tag;
}

/** Reads a FHIR R4 bundle; refuses anything but a Bundle, and a bundle that declares another FHIR version. */
export function readFhirBundle(text: string): ParsedFile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new FileRefused(outreachMessages.text('import.notJson', { error: (error as Error).message }));
  }
  const bundle = obj(parsed);
  if (!bundle || bundle.resourceType !== 'Bundle') throw new FileRefused(outreachMessages.text('import.notBundle', { type: String(bundle?.resourceType ?? typeof parsed) }));
  const version = str(obj(bundle.meta)?.fhirVersion) ?? str(bundle.fhirVersion);
  if (version && !/^4\.0(\.|$)/.test(version)) throw new FileRefused(outreachMessages.text('import.notR4', { version }));
  const entries = arr(bundle.entry).map(obj);
  const patients = new Map<string, Json>();
  for (const entry of entries) {
    const resource = obj(entry?.resource);
    if (resource?.resourceType !== 'Patient') continue;
    if (str(resource.id)) patients.set(`Patient/${str(resource.id)}`, resource);
    if (str(entry?.fullUrl)) patients.set(str(entry!.fullUrl)!, resource);
  }
  const visits: ParsedVisit[] = [];
  const rejected: Rejection[] = [];
  entries.forEach((entry, i) => {
    const ref = { unit: 'entry' as const, n: i + 1 };
    const encounter = obj(entry?.resource);
    const type = str(encounter?.resourceType) ?? '?';
    if (type === 'Patient') return;
    if (type !== 'Encounter' || !encounter) {
      rejected.push({ ref, reason: outreachMessages.text('import.notEncounter', { n: i + 1, type }) });
      return;
    }
    const visitId = str(arr(encounter.identifier).map(obj)[0]?.value) ?? str(encounter.id);
    const subject = str(obj(encounter.subject)?.reference);
    let patient: Json | null = null;
    if (subject?.startsWith('#'))
      patient =
        arr(encounter.contained)
          .map(obj)
          .find((c) => c?.resourceType === 'Patient' && c.id === subject.slice(1)) ?? null;
    else if (subject) patient = patients.get(subject) ?? patients.get(subject.replace(/^.*\/(Patient\/[^/]+)$/, '$1')) ?? null;
    if (!patient) {
      rejected.push({ ref, visitId, reason: outreachMessages.text('import.noSubject') });
      return;
    }
    const classCode = str(obj(encounter.class)?.code);
    const period = obj(encounter.period);
    const participant =
      arr(encounter.participant)
        .map(obj)
        .find((p) => p && obj(p.individual)) ?? null;
    visits.push({
      ref,
      mrn: mrnOf(patient),
      name: patientName(patient),
      phone: telecom(patient, 'phone'),
      email: telecom(patient, 'email'),
      locale: fhirLocale(languageOf(patient)),
      visitId,
      kind: classCode ? (CLASS_KINDS[classCode.toUpperCase()] ?? classCode) : null,
      location: refValue(obj(arr(encounter.location).map(obj)[0])?.location),
      department: refValue(encounter.serviceProvider),
      doctor: refValue(participant?.individual),
      startedAt: str(period?.start),
      endedAt: str(period?.end),
    });
  });
  return { visits, rejected };
}
