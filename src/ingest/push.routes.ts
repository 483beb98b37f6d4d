import type { Db } from '../db/database.ts';
import { verifyWebhook } from '../core/webhook-signing.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashToken } from '../auth/sessions.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { createImportRun, finishImportRun, type RejectedRow } from './import-runs.ts';
import { OrgUnitResolver } from './ingest-mentions.ts';
import { ingestIntoRun } from './ingest-into-run.ts';
import { mapRecord, type ColumnMapping } from './map-record.ts';
import type { MentionInput } from './mention-input.ts';

/** Webhook deliveries older than this, or this far in the future, are refused as replays. */
export const MAX_PUSH_ITEMS = 1000;

const PUSH_MAPPING: ColumnMapping = {
  externalId: 'externalId',
  kind: 'kind',
  url: 'url',
  authorHandle: 'authorHandle',
  ratingRaw: 'rating',
  ratingScale: 'ratingScale',
  title: 'title',
  text: 'text',
  lang: 'lang',
  publishedAt: 'publishedAt',
  location: 'location',
  department: 'department',
};

const PushItem = z
  .object({
    externalId: z.union([z.string(), z.number()]).optional(),
    kind: z.string().optional(),
    url: z.string().optional(),
    authorHandle: z.string().optional(),
    rating: z.union([z.number(), z.string()]).optional(),
    ratingScale: z.number().optional(),
    title: z.string().optional(),
    text: z.string(),
    lang: z.string().optional(),
    publishedAt: z.string().optional(),
    location: z.string().optional(),
    department: z.string().optional(),
  })
  .loose();
const PushBody = z.object({ mentions: z.array(z.unknown()).min(1, 'mentions is empty').max(MAX_PUSH_ITEMS, `at most ${MAX_PUSH_ITEMS} mentions per request`) });
const PushResult = z.object({
  runId: z.string(),
  accepted: z.number(),
  duplicates: z.number(),
  updated: z.number(),
  rejected: z.array(z.object({ row: z.number(), reason: z.string() })),
});

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: Buffer;
  }
}

/** The push API and signed webhooks: a source's own credentials, not a user session. */
export async function pushRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db } = server.ctx;

  // Webhook signatures are over the exact bytes received, so keep them beside the parsed body.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    request.rawBody = body as Buffer;
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch (error) {
      done(badRequest(`body is not valid JSON: ${(error as Error).message}`), undefined);
    }
  });

  /** Validates the items one by one and ingests the good ones as one recorded run, all in one transaction. */
  const ingestPushed = async (
    request: FastifyRequest,
    source: { id: string; org_id: string },
    channel: string,
    items: unknown[],
    beforeIngest?: (trx: Db) => Promise<void>,
  ) => {
    const rejected: RejectedRow[] = [];
    const mentions: MentionInput[] = [];
    items.forEach((item, index) => {
      const row = index + 1;
      const parsed = PushItem.safeParse(item);
      if (!parsed.success) {
        rejected.push({ row, reason: parsed.error.issues.map((i) => `${i.path.join('.') || 'item'}: ${i.message}`).join('; ') });
        return;
      }
      const mapped = mapRecord(parsed.data as Record<string, unknown>, PUSH_MAPPING, { kind: 'review' });
      if (mapped.ok) mentions.push(mapped.mention);
      else rejected.push({ row, reason: mapped.reason });
    });
    const resolver = await OrgUnitResolver.load(db, source.org_id);
    const { runId, counts } = await db.transaction().execute(async (trx) => {
      await beforeIngest?.(trx);
      const runId = await createImportRun(trx, { orgId: source.org_id, sourceId: source.id, userId: null, channel });
      const result = await ingestIntoRun(trx, server.ctx.boss, { target: { orgId: source.org_id, sourceId: source.id }, runId, mentions, rejected, resolver });
      await finishImportRun(trx, runId, null);
      return { runId, counts: result };
    });
    request.log.info({ runId, accepted: counts.accepted, rejected: rejected.length }, `${channel} ingest`);
    return { runId, accepted: counts.accepted, duplicates: counts.duplicates, updated: counts.updated, rejected };
  };

  app.post(
    '/api/v1/sources/:id/mentions',
    {
      config: { access: 'source-token' },
      schema: { tags: ['ingest'], security: [{ sourceToken: [] }], params: IdParams, body: PushBody, response: { 200: PushResult } },
    },
    async (request) => {
      const header = request.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) throw new AppError('unauthorized', 'send the source token as Authorization: Bearer TOKEN');
      const source = await db
        .selectFrom('sources')
        .select(['id', 'org_id', 'kind'])
        .where('id', '=', request.params.id)
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!source) throw new AppError('unauthorized', 'unknown source or wrong token');
      return ingestPushed(request, source, 'push', request.body.mentions);
    },
  );

  app.post(
    '/api/v1/sources/:id/webhook',
    {
      config: { access: 'source-token' },
      schema: {
        tags: ['ingest'],
        description: 'Signed webhook: x-verity-timestamp (unix seconds) and x-verity-signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body)).',
        params: IdParams,
        body: PushBody,
        response: { 200: PushResult },
      },
    },
    async (request) => {
      const source = await db.selectFrom('sources').select(['id', 'org_id', 'webhook_secret']).where('id', '=', request.params.id).where('kind', '=', 'webhook').executeTakeFirst();
      if (!source?.webhook_secret) throw new AppError('unauthorized', 'unknown webhook source');
      const signature = verifyWebhook(source.webhook_secret, request.headers['x-verity-timestamp'], request.headers['x-verity-signature'], request.rawBody ?? Buffer.alloc(0));
      // The delivery is remembered in the ingest's own transaction: a failed ingest forgets it, so the sender's retry is not taken for a replay.
      return ingestPushed(request, source, 'webhook', request.body.mentions, async (trx) => {
        const fresh = await trx
          .insertInto('webhook_deliveries')
          .values({ source_id: source.id, signature })
          .onConflict((oc) => oc.doNothing())
          .returning('signature')
          .executeTakeFirst();
        if (!fresh) throw new AppError('conflict', 'this delivery was already received (replay)');
      });
    },
  );
}
