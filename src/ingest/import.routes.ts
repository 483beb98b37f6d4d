import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy, recordAudit } from '../audit/index.ts';
import { notFound } from '../core/errors.ts';
import { requireAuth } from '../core/request.ts';
import { IdParams, ImportRunView, RejectedRowView } from './ingest.schemas.ts';
import { ingestError, ingestText, IngestError, localizedRun, localizeRejected, rejection } from './ingest-errors.ts';
import { renderIngest } from './ingest.messages.ts';
import { BUILT_IN_SOURCES, FILE_FORMATS, MENTION_FIELDS } from './ingest.vocab.ts';
import { findOrgSource, getOrCreateSource } from './sources.queries.ts';
import { importFile } from './import-file.ts';
import { findImportRun, findImportRuns, type RejectedRow } from './import-runs.queries.ts';
import { inferMapping, type ColumnMapping } from './map-record.ts';
import { FileReadError, formatFromFileName, isRowError, readRecords, type FileFormat } from './readers/read-records.ts';

const FIELDS = MENTION_FIELDS;

const UploadFields = z.object({
  sourceId: z.uuid({ message: 'sourceId must be a UUID' }).optional(),
  format: z.enum(FILE_FORMATS).optional(),
  mapping: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        const parsed = JSON.parse(text) as unknown;
        const mapping = z.partialRecord(z.enum(FIELDS), z.string().min(1)).parse(parsed);
        return mapping as ColumnMapping;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object of field → column, fields among ' + FIELDS.join(', ') });
        return z.NEVER;
      }
    }),
});

/** Reads the form fields that precede the file, then hands back the file part; throws when there is no file. */
async function fileWithFields(request: FastifyRequest): Promise<{ file: MultipartFile; fields: z.infer<typeof UploadFields> }> {
  if (!request.isMultipart()) throw ingestError('unsupported_media_type', 'upload.notMultipart');
  const raw: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') throw ingestError('bad_request', 'upload.unexpectedField', { field: part.fieldname });
      const parsed = UploadFields.safeParse(raw);
      if (!parsed.success) {
        part.file.resume();
        throw ingestError('bad_request', 'upload.invalidFields', { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
      }
      return { file: part, fields: parsed.data };
    }
    raw[part.fieldname] = String(part.value);
  }
  throw ingestError('bad_request', 'upload.noFile');
}

export async function importRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  app.post(
    '/api/imports/preview',
    {
      config: { access: 'imports.run' },
      schema: {
        tags: ['imports'],
        consumes: ['multipart/form-data'],
        response: {
          200: z.object({
            format: z.string(),
            columns: z.array(z.string()),
            mapping: z.record(z.string(), z.string()),
            sample: z.array(z.object({ row: z.number(), fields: z.record(z.string(), z.unknown()) })),
            rejected: z.array(RejectedRowView),
          }),
        },
      },
    },
    async (request) => {
      const { file, fields } = await fileWithFields(request);
      const sample: { row: number; fields: Record<string, unknown> }[] = [];
      const rejected: RejectedRow[] = [];
      let format: FileFormat | undefined = fields.format;
      try {
        for await (const record of readRecords(file.file, { fileName: file.filename, format })) {
          if (isRowError(record)) rejected.push(rejection(record.row, record.text));
          else sample.push(record);
          if (sample.length + rejected.length >= 10) break;
        }
      } catch (error) {
        if (error instanceof FileReadError) throw new IngestError('bad_request', error.text);
        throw error;
      } finally {
        file.file.resume();
      }
      // Without an extension the reader sniffed the content; its guess is not exposed, CSV is the common case.
      format ??= formatFromFileName(file.filename) ?? 'csv';
      const columns = sample[0] ? Object.keys(sample[0].fields) : [];
      return { format, columns, mapping: inferMapping(columns) as Record<string, string>, sample, rejected: localizeRejected(request.locale, rejected) };
    },
  );

  app.post('/api/imports', { config: { access: 'imports.run' }, schema: { tags: ['imports'], consumes: ['multipart/form-data'], response: { 200: ImportRunView } } }, async (request) => {
    const auth = requireAuth(request);
    const { file, fields } = await fileWithFields(request);
    let sourceId = fields.sourceId;
    if (sourceId) {
      if (!(await findOrgSource(db, auth.orgId, sourceId))) {
        file.file.resume();
        throw notFound('source');
      }
    } else {
      sourceId = (await getOrCreateSource(db, auth.orgId, BUILT_IN_SOURCES.upload, 'file')).id;
    }
    const summary = await importFile(server.ctx, {
      orgId: auth.orgId,
      sourceId,
      userId: auth.userId,
      input: file.file,
      fileName: file.filename,
      format: fields.format,
      mapping: fields.mapping,
    });
    file.file.resume();
    if (file.file.truncated) {
      summary.errorText = ingestText('file.tooLarge');
    }
    // Its own transaction: the run is already recorded, batch by batch, by the import.
    await recordAudit(db, {
      ...auditBy(auth, request.ip),
      action: 'import.file',
      targetType: 'import_run',
      targetId: summary.runId,
      details: { fileName: file.filename, accepted: summary.accepted, rejected: summary.rejectedCount },
    });
    const run = await findImportRun(db, auth.orgId, summary.runId);
    return { ...localizedRun(request.locale, run!), error: summary.errorText ? renderIngest(request.locale, summary.errorText) : run!.error };
  });

  app.get('/api/imports', { config: { access: 'imports.run' }, schema: { tags: ['imports'], response: { 200: z.object({ items: z.array(ImportRunView) }) } } }, async (request) => {
    const runs = await findImportRuns(db, requireAuth(request).orgId);
    return { items: runs.map((run) => localizedRun(request.locale, run)) };
  });

  app.get('/api/imports/:id', { config: { access: 'imports.run' }, schema: { tags: ['imports'], params: IdParams, response: { 200: ImportRunView } } }, async (request) => {
    const run = await findImportRun(db, requireAuth(request).orgId, request.params.id);
    if (!run) throw notFound('import run');
    return localizedRun(request.locale, run);
  });
}
