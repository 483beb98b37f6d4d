import type { z } from 'zod';
import type { SessionUser } from '../auth/sessions.ts';
import type { AppContext } from '../core/context.ts';
import { createImportRun, finishImportRun } from './import-runs.ts';
import { OrgUnitResolver } from './ingest-mentions.ts';
import { ingestIntoRun } from './ingest-into-run.ts';
import { assertInOrg } from '../orgs/orgs.queries.ts';
import { BUILT_IN_SOURCES } from './ingest.vocab.ts';
import { getOrCreateSource } from './sources.queries.ts';
import type { CreateMentionBody } from '../mentions/mentions.schemas.ts';

/**
 * Records an offline complaint or hotline note typed in by staff, through the same ingest path
 * as every other mention. Returns the mention's id (an identical note entered twice is one
 * mention). Throws bad_request when a named location, department or source is not the org's.
 */
export async function createManualMention(ctx: Pick<AppContext, 'db' | 'boss'>, user: SessionUser, body: z.infer<typeof CreateMentionBody>): Promise<string> {
  const { db } = ctx;
  await assertInOrg(db, 'locations', user.orgId, body.locationId, 'locationId');
  await assertInOrg(db, 'departments', user.orgId, body.departmentId, 'departmentId');
  await assertInOrg(db, 'sources', user.orgId, body.sourceId, 'sourceId');
  const sourceId = body.sourceId ?? (await getOrCreateSource(db, user.orgId, BUILT_IN_SOURCES.manual, 'manual')).id;
  const resolver = await OrgUnitResolver.load(db, user.orgId);
  const runId = await createImportRun(db, { orgId: user.orgId, sourceId, userId: user.userId, channel: 'manual' });
  const result = await db.transaction().execute((trx) =>
    ingestIntoRun(trx, ctx.boss, {
      target: { orgId: user.orgId, sourceId },
      runId,
      resolver,
      mentions: [
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
      ],
    }),
  );
  await finishImportRun(db, runId, null);
  if (result.ids[0]) return result.ids[0];
  // A duplicate: the same note already exists; return that one.
  const existing = await db
    .selectFrom('mentions')
    .select('id')
    .where('source_id', '=', sourceId)
    .where('text', '=', body.text)
    .where('author_handle', body.authorHandle ? '=' : 'is', body.authorHandle ?? null)
    .orderBy('received_at', 'desc')
    .executeTakeFirstOrThrow();
  return existing.id;
}
