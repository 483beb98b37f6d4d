import type { PgBoss } from 'pg-boss';
import { recordAudit, type AuditBy } from '../audit/index.ts';
import type { Db } from '../db/database.ts';
import { ingestError } from './ingest-errors.ts';
import type { IngestMessageKey } from './ingest.messages.ts';
import type { CreateMentionBodyType } from './ingest.schemas.ts';
import { BUILT_IN_SOURCES } from './ingest.vocab.ts';
import { recordRun } from './record-run.ts';
import { getOrCreateSource } from './sources.queries.ts';

/**
 * Records an offline complaint or hotline note typed in by staff, through the same ingest path
 * as every other mention, with its run and its `mention.create` audit entry in one transaction.
 * Returns the mention's id (an identical note entered twice is one mention). Throws bad_request
 * when a named location, department or source is not the organisation's.
 */
export async function createManualMention(ctx: { db: Db; boss: PgBoss | null }, by: AuditBy, body: CreateMentionBodyType): Promise<string> {
  const { db } = ctx;
  await assertInOrg(db, 'locations', by.orgId, body.locationId, 'manual.unknownLocation');
  await assertInOrg(db, 'departments', by.orgId, body.departmentId, 'manual.unknownDepartment');
  await assertInOrg(db, 'sources', by.orgId, body.sourceId, 'manual.unknownSource');
  const sourceId = body.sourceId ?? (await getOrCreateSource(db, by.orgId, BUILT_IN_SOURCES.manual, 'manual')).id;
  return db.transaction().execute(async (trx) => {
    const result = await recordRun({ db: trx, boss: ctx.boss }, { orgId: by.orgId, sourceId, userId: by.userId, channel: 'manual' }, (run) =>
      run.ingest([
        {
          kind: body.kind,
          text: body.text,
          title: body.title ?? null,
          authorHandle: body.authorHandle ?? null,
          ratingRaw: body.ratingRaw ?? null,
          ratingScale: body.ratingScale ?? null,
          location: body.locationId ?? null,
          department: body.departmentId ?? null,
          publishedAt: body.publishedAt ? new Date(body.publishedAt) : new Date(),
        },
      ]),
    );
    // A duplicate: the same note already exists; that one is the answer.
    const id = result.ids[0] ?? (await findSameNote(trx, sourceId, body.text, body.authorHandle ?? null));
    await recordAudit(trx, { ...by, action: 'mention.create', targetType: 'mention', targetId: id, details: { kind: body.kind } });
    return id;
  });
}

async function findSameNote(trx: Db, sourceId: string, text: string, authorHandle: string | null): Promise<string> {
  const existing = await trx
    .selectFrom('mentions')
    .select('id')
    .where('source_id', '=', sourceId)
    .where('text', '=', text)
    .where('author_handle', authorHandle ? '=' : 'is', authorHandle)
    .orderBy('received_at', 'desc')
    .executeTakeFirstOrThrow();
  return existing.id;
}

/** Throws bad_request naming the field when `id` is not a row of the organisation (another organisation's id reads as missing). */
async function assertInOrg(db: Db, table: 'locations' | 'departments' | 'sources', orgId: string, id: string | undefined, refusal: IngestMessageKey): Promise<void> {
  if (!id) return;
  const row = await db.selectFrom(table).select('id').where('id', '=', id).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) throw ingestError('bad_request', refusal);
}
