import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashToken } from '../auth/sessions.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { createImportRun, finishImportRun, type RejectedRow } from './import-runs.ts';
import { OrgUnitResolver } from './ingest-mentions.ts';
import { ingestIntoRun } from './ingest-into-run.ts';
import { mapRecord, type ColumnMapping } from './map-record.ts';
import type { MentionInput } from '../mentions/mention-input.ts';

/** Webhook deliveries older than this, or this far in the future, are refused as replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
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
    beforeIngest?: (trx: Transaction<Database>) => Promise<void>,
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

/** Checks a webhook's timestamp and HMAC; returns the signature, throws `unauthorized` naming what was wrong. */
export function verifyWebhook(secret: string, timestampHeader: unknown, signatureHeader: unknown, body: Buffer, now = Date.now()): string {
  if (typeof timestampHeader !== 'string' || !/^\d{9,11}$/.test(timestampHeader)) throw new AppError('unauthorized', 'missing or malformed x-verity-timestamp (unix seconds)');
  if (Math.abs(now / 1000 - Number(timestampHeader)) > WEBHOOK_TOLERANCE_SECONDS) throw new AppError('unauthorized', 'x-verity-timestamp is more than 5 minutes away from now');
  const match = typeof signatureHeader === 'string' ? /^sha256=([0-9a-f]{64})$/i.exec(signatureHeader) : null;
  if (!match) throw new AppError('unauthorized', 'missing or malformed x-verity-signature (sha256=HEX)');
  const expected = createHmac('sha256', secret).update(`${timestampHeader}.`).update(body).digest();
  if (!timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'))) throw new AppError('unauthorized', 'webhook signature does not match');
  return match[1]!.toLowerCase();
}

/** Signs a webhook body the way `verifyWebhook` expects (for senders and tests). */
export function signWebhook(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)): { timestamp: string; signature: string } {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { timestamp: String(timestamp), signature: `sha256=${hmac}` };
}
