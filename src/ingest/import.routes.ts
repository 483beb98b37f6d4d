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
import { findOrgSource, findSourceByName, getOrCreateSource } from './sources.queries.ts';
import { countKnownKeys, externalKeyOf } from './ingest-mentions.ts';
import { importFile } from './import-file.ts';
import { findImportRun, findImportRuns, type RejectedRow } from './import-runs.queries.ts';
import { inferMapping, mapRecord, type ColumnMapping } from './map-record.ts';
import { FileReadError, formatFromFileName, isRowError, readRecords, type FileFormat } from './readers/read-records.ts';

const FIELDS = MENTION_FIELDS;
/** The preview reads at most this many rows to count the ones Verity holds already. */
const PREVIEW_COUNT_LIMIT = 50_000;

const UploadFields = z.object({
  sourceId: z.uuid({ message: 'sourceId must be a UUID' }).optional(),
  format: z.enum(FILE_FORMATS).optional(),
  /** The file's default location and department, for rows that name none. */
  locationId: z.uuid({ message: 'locationId must be a UUID' }).optional(),
  departmentId: z.uuid({ message: 'departmentId must be a UUID' }).optional(),
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

/** Refusals for size (an upload past the limit, a zip bomb, an endless record) answer 413. */
function isSizeRefusal(code: string): boolean {
  return ['file.tooLarge', 'file.xlsxTooLarge', 'file.xlsxTooManyRows', 'file.recordTooLong'].some((key) => code.endsWith(key));
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
            /** Rows read to count those Verity holds already (at most PREVIEW_COUNT_LIMIT). */
            rowsChecked: z.number(),
            /** Of those, rows the source holds already (same platform id, or same author and text): the import counts them as duplicates or edits. */
            alreadyInVerity: z.number(),
          }),
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { file, fields } = await fileWithFields(request);
      const sample: { row: number; fields: Record<string, unknown> }[] = [];
      const rejected: RejectedRow[] = [];
      let format: FileFormat | undefined = fields.format;
      // The rows the import would count as already there: the same dedupe key in the source the file goes to.
      const sourceId = fields.sourceId ? (await findOrgSource(db, auth.orgId, fields.sourceId))?.id : await findSourceByName(db, auth.orgId, BUILT_IN_SOURCES.upload);
      const keys: string[] = [];
      let mapping: ColumnMapping | undefined;
      let rowsChecked = 0;
      try {
        for await (const record of readRecords(file.file, { fileName: file.filename, format })) {
          if (isRowError(record)) {
            if (rejected.length < 10) rejected.push(rejection(record.row, record.text));
          } else {
            if (sample.length < 10) sample.push(record);
            mapping ??= inferMapping(Object.keys(record.fields));
            const mapped = mapping.text ? mapRecord(record.fields, mapping, { kind: 'review' }) : null;
            if (mapped?.ok) keys.push(externalKeyOf(mapped.mention));
          }
          if (++rowsChecked >= PREVIEW_COUNT_LIMIT || (!sourceId && sample.length + rejected.length >= 10)) break;
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
      const alreadyInVerity = sourceId ? await countKnownKeys(db, sourceId, keys) : 0;
      return { format, columns, mapping: inferMapping(columns) as Record<string, string>, sample, rejected: localizeRejected(request.locale, rejected), rowsChecked, alreadyInVerity };
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
      locationId: fields.locationId ?? null,
      departmentId: fields.departmentId ?? null,
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
    // A file refused as a whole (binary, a zip bomb, no line break, cut off) before any row was read is a refusal of the request, not a 200;
    // the run stays recorded as failed, named in the details. With rows read before the fault, the run's answer reports both.
    if (summary.errorText && summary.accepted + summary.duplicates + summary.updated + summary.rejectedCount === 0) {
      throw new IngestError(isSizeRefusal(summary.errorText.code) ? 'payload_too_large' : 'bad_request', summary.errorText, { runId: summary.runId });
    }
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
