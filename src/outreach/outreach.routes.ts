import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy } from '../audit/index.ts';
import { IdParams } from '../auth/index.ts';
import { badRequest } from '../core/errors.ts';
import { renderText } from '../core/i18n.ts';
import { requireAuth } from '../core/request.ts';
import { viewerOf } from '../core/viewer.ts';
import { importVisits } from './import-visits.ts';
import { decodeVisitFile } from './importers/decode-file.ts';
import { findInvitations, findSmsOutbox } from './invitations.queries.ts';
import { getOutreachSettings, settingsView, updateOutreachSettings } from './outreach-settings.ts';
import { outreachMessages } from './outreach.messages.ts';
import {
  ImportQuery,
  ImportReportView,
  InvitationQuery,
  InvitationView,
  PatientPatchBody,
  PatientQuery,
  PatientView,
  SettingsBody,
  SettingsView,
  SmsOutboxView,
  VisitQuery,
  VisitView,
} from './outreach.schemas.ts';
import { findPatients, findVisits, getPatient, updatePatient } from './patients.queries.ts';

/** A visit file may be this large. */
export const MAX_VISIT_FILE_BYTES = 20 * 1024 * 1024;

/** Patients, visits and their import, invitations, and the outreach settings. */
export async function outreachRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;
  const showContact = (request: FastifyRequest) => server.ctx.access.can(requireAuth(request).role, 'patients.contact');
  const viewer = (request: FastifyRequest) => viewerOf(requireAuth(request));
  const patientsTags = ['patients'];
  const tags = ['outreach'];

  app.get(
    '/api/patients',
    { config: { access: 'patients.read' }, schema: { tags: patientsTags, querystring: PatientQuery, response: { 200: z.object({ items: z.array(PatientView), total: z.number() }) } } },
    async (request) => findPatients(db, viewer(request), { ...request.query, showContact: showContact(request) }),
  );

  app.get('/api/patients/:id', { config: { access: 'patients.read' }, schema: { tags: patientsTags, params: IdParams, response: { 200: z.object({ patient: PatientView }) } } }, async (request) => ({
    patient: await getPatient(db, viewer(request), request.params.id, showContact(request)),
  }));

  app.patch(
    '/api/patients/:id',
    // Opt-out, language and contact details: the roles that may see contact details change them.
    { config: { access: 'patients.contact' }, schema: { tags: patientsTags, params: IdParams, body: PatientPatchBody, response: { 200: z.object({ patient: PatientView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      await updatePatient(db, auditBy(auth, request.ip), viewer(request), request.params.id, request.body);
      return { patient: await getPatient(db, viewer(request), request.params.id, true) };
    },
  );

  app.get(
    '/api/visits',
    { config: { access: 'patients.read' }, schema: { tags: patientsTags, querystring: VisitQuery, response: { 200: z.object({ items: z.array(VisitView), total: z.number() }) } } },
    async (request) => findVisits(db, viewer(request), request.query),
  );

  app.post(
    '/api/visits/import',
    {
      config: { access: 'outreach.manage' },
      schema: { tags: patientsTags, consumes: ['multipart/form-data'], querystring: ImportQuery, response: { 200: ImportReportView } },
    },
    async (request) => {
      const auth = requireAuth(request);
      const file = await request.file({ limits: { fileSize: MAX_VISIT_FILE_BYTES } });
      if (!file) throw badRequest(outreachMessages.text('import.empty'));
      const buffer = await file.toBuffer().catch(() => null);
      if (!buffer || file.file.truncated) throw badRequest(outreachMessages.text('import.tooLarge', { mb: MAX_VISIT_FILE_BYTES / 1024 / 1024 }));
      const fieldFormat = (file.fields.format as { value?: unknown } | undefined)?.value;
      const format = ImportQuery.shape.format.parse(request.query.format ?? (fieldFormat || undefined));
      const report = await importVisits(server.ctx, auditBy(auth, request.ip), { text: decodeVisitFile(buffer), format });
      return {
        ...report,
        rejected: report.rejected.map((r) => ({
          where: outreachMessages.render(request.locale, `ref.${r.ref.unit}`, { n: r.ref.n }),
          visitId: r.visitId,
          reason: renderText(request.locale, r.reason),
          code: r.reason.code,
        })),
      };
    },
  );

  app.get(
    '/api/outreach/invitations',
    { config: { access: 'patients.read' }, schema: { tags, querystring: InvitationQuery, response: { 200: z.object({ items: z.array(InvitationView), total: z.number() }) } } },
    async (request) => findInvitations(db, viewer(request), { ...request.query, showContact: showContact(request), locale: request.locale }),
  );

  app.get('/api/outreach/settings', { config: { access: 'outreach.manage' }, schema: { tags, response: { 200: z.object({ settings: SettingsView }) } } }, async (request) => ({
    settings: settingsView(await getOutreachSettings(db, requireAuth(request).orgId)),
  }));

  app.put('/api/outreach/settings', { config: { access: 'outreach.manage' }, schema: { tags, body: SettingsBody, response: { 200: z.object({ settings: SettingsView }) } } }, async (request) => {
    const auth = requireAuth(request);
    await updateOutreachSettings(db, auditBy(auth, request.ip), request.body);
    return { settings: settingsView(await getOutreachSettings(db, auth.orgId)) };
  });

  app.get('/api/outreach/sms-outbox', { config: { access: 'outreach.manage' }, schema: { tags, response: { 200: z.object({ items: z.array(SmsOutboxView) }) } } }, async (request) => ({
    items: await findSmsOutbox(db, requireAuth(request).orgId),
  }));
}
