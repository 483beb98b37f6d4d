import type { AuditBy } from '../audit/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { AppContext } from '../core/context.ts';
import { badRequest } from '../core/errors.ts';
import type { Text } from '../core/i18n.ts';
import { publish } from '../core/events.ts';
import { sendJob } from '../core/jobs.ts';
import { checkVisit, type CheckedVisit, type OrgRefs } from './importers/check-visit.ts';
import { FileRefused, type ParsedFile, type Ref } from './importers/parsed-visit.ts';
import { readVisitCsv } from './importers/read-csv.ts';
import { readFhirBundle } from './importers/read-fhir.ts';
import { looksLikeHl7, readHl7Messages } from './importers/read-hl7.ts';
import { sendInvitationsJob } from './jobs/send-invitations.job.ts';
import { getOutreachSettings } from './outreach-settings.ts';
import { outreachMessages } from './outreach.messages.ts';
import type { ImportFormat, VisitSource } from './outreach.vocab.ts';
import { scheduleInvitations, type VisitToInvite } from './schedule-invitations.ts';
import { upsertPatient } from './upsert-patient.ts';

export interface ImportReport {
  format: ImportFormat;
  accepted: number;
  duplicates: number;
  rejected: { ref: Ref; visitId: string | null; reason: Text }[];
  patientsCreated: number;
  invitations: { scheduled: number; skipped: number };
}

/** The format of a visit file: JSON → FHIR, MSH… → HL7 v2, anything else → CSV. */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return 'fhir';
  if (looksLikeHl7(start)) return 'hl7';
  return 'csv';
}

function readFile(format: ImportFormat, text: string): ParsedFile {
  try {
    if (format === 'fhir') return readFhirBundle(text);
    if (format === 'hl7') return readHl7Messages(text);
    return readVisitCsv(text);
  } catch (error) {
    if (error instanceof FileRefused) throw badRequest(error.reason, { reason: error.reason.code });
    if (format === 'csv') throw badRequest(outreachMessages.text('import.unknownFormat'), { reason: 'outreach.import.unknownFormat', error: (error as Error).message });
    throw error;
  }
}

async function loadRefs(ctx: Pick<AppContext, 'db'>, orgId: string): Promise<OrgRefs> {
  const { db } = ctx;
  const [locations, departments, staff, org] = await Promise.all([
    db.selectFrom('locations').select(['id', 'code', 'name']).where('org_id', '=', orgId).execute(),
    db.selectFrom('departments').select(['id', 'code', 'name', 'location_id']).where('org_id', '=', orgId).execute(),
    db.selectFrom('staff').select(['id', 'name', 'aliases', 'department_id']).where('org_id', '=', orgId).execute(),
    db.selectFrom('organisations').select('timezone').where('id', '=', orgId).executeTakeFirstOrThrow(),
  ]);
  return { locations, departments, staff, timezone: org.timezone };
}

/**
 * Imports a visit file (CSV, FHIR R4 bundle, HL7 v2 ADT^A03): every good visit's patient is
 * created or updated by MRN, the visit is added once by its external id (a second import of the
 * same file adds nothing: its visits count as duplicates), and each new visit with an end time
 * gets its invitation scheduled under the contact rules. Bad rows are named with their reason;
 * good rows are kept. One transaction, one audit entry.
 */
export async function importVisits(ctx: Pick<AppContext, 'db' | 'boss'>, by: AuditBy, input: { text: string; format?: ImportFormat; now?: Date }): Promise<ImportReport> {
  const format = input.format ?? detectFormat(input.text);
  const parsed = readFile(format, input.text);
  const refs = await loadRefs(ctx, by.orgId);
  const report: ImportReport = {
    format,
    accepted: 0,
    duplicates: 0,
    rejected: parsed.rejected.map((r) => ({ ref: r.ref, visitId: r.visitId ?? null, reason: r.reason })),
    patientsCreated: 0,
    invitations: { scheduled: 0, skipped: 0 },
  };
  const good: CheckedVisit[] = [];
  const seen = new Set<string>();
  for (const visit of parsed.visits) {
    const checked = checkVisit(visit, refs);
    if ('reason' in checked) report.rejected.push({ ref: visit.ref, visitId: visit.visitId, reason: checked.reason });
    else if (seen.has(checked.visitId)) report.rejected.push({ ref: visit.ref, visitId: visit.visitId, reason: outreachMessages.text('row.duplicateInFile', { id: checked.visitId }) });
    else {
      seen.add(checked.visitId);
      good.push(checked);
    }
  }
  if (parsed.visits.length === 0 && report.rejected.length === 0) throw badRequest(outreachMessages.text('import.empty'), { reason: 'outreach.import.empty' });
  const source: VisitSource = format;
  const now = input.now ?? new Date();
  await ctx.db.transaction().execute(async (trx) => {
    const fresh: VisitToInvite[] = [];
    const imported: string[] = [];
    for (const v of good) {
      const patient = await upsertPatient(trx, by.orgId, { externalId: v.mrn, name: v.name, phone: v.phone, email: v.email, locale: v.locale });
      if (patient.created) report.patientsCreated++;
      const inserted = await trx
        .insertInto('visits')
        .values({
          org_id: by.orgId,
          patient_id: patient.id,
          external_id: v.visitId,
          kind: v.kind,
          source,
          location_id: v.locationId,
          department_id: v.departmentId,
          staff_id: v.staffId,
          started_at: v.startedAt,
          ended_at: v.endedAt,
        })
        .onConflict((oc) => oc.columns(['org_id', 'external_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (inserted) {
        report.accepted++;
        imported.push(inserted.id);
        if (v.endedAt) fresh.push({ id: inserted.id, patientId: patient.id, kind: v.kind, endedAt: v.endedAt });
        continue;
      }
      const existing = await trx.selectFrom('visits').select('patient_id').where('org_id', '=', by.orgId).where('external_id', '=', v.visitId).executeTakeFirstOrThrow();
      if (existing.patient_id === patient.id) report.duplicates++;
      else report.rejected.push({ ref: v.ref, visitId: v.visitId, reason: outreachMessages.text('row.patientMismatch', { id: v.visitId }) });
    }
    if (fresh.length) {
      const settings = await getOutreachSettings(trx, by.orgId);
      const scheduled = await scheduleInvitations(trx, by.orgId, settings, fresh, now);
      report.invitations = { scheduled: scheduled.scheduled, skipped: scheduled.skipped };
      if (scheduled.firstDue) await sendJob(ctx.boss, trx, sendInvitationsJob, {}, { startAfter: scheduled.firstDue > now ? scheduled.firstDue : 0 });
    }
    // Subscribers (referrals' attribution) see exactly the visits this transaction wrote.
    if (imported.length) await publish(ctx.boss, trx, 'outreach.visits-imported', { orgId: by.orgId, visitIds: imported });
    await recordAudit(trx, {
      ...by,
      action: 'visits.import',
      targetType: 'organisation',
      targetId: by.orgId,
      details: { format, accepted: report.accepted, duplicates: report.duplicates, rejected: report.rejected.length, invitations: report.invitations },
    });
  });
  report.rejected.sort((a, b) => a.ref.n - b.ref.n);
  return report;
}
