import type { Text } from '../../core/i18n.ts';
import type { VisitKind } from '../outreach.vocab.ts';

/**
 * One visit as a file reader found it, before it is checked against the organisation: the raw
 * references (codes or names) of location, department and doctor, and times as ISO strings.
 * `ref` names where it was in the file (row 3, entry 2, message 1) for the import report.
 */
export interface ParsedVisit {
  ref: Ref;
  mrn: string | null;
  name: string | null;
  phone: string | null;
  email: string | null;
  locale: string | null;
  visitId: string | null;
  /** A VisitKind, or the raw value when the reader could not map it (the check refuses it). */
  kind: VisitKind | string | null;
  location: string | null;
  department: string | null;
  doctor: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** Where in the file: a CSV row (its line), a bundle entry, an HL7 message (1-based). */
export interface Ref {
  unit: 'row' | 'entry' | 'message';
  n: number;
}

/** A part of the file that was refused before any check: what and why. */
export interface Rejection {
  ref: Ref;
  visitId?: string | null;
  reason: Text;
}

export interface ParsedFile {
  visits: ParsedVisit[];
  rejected: Rejection[];
}

/** A file refused as a whole (wrong format, wrong FHIR version…): its reason is the error shown. */
export class FileRefused extends Error {
  constructor(readonly reason: Text) {
    super(reason.code);
  }
}

/** Trims a value; empty becomes null. */
export function clean(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}
