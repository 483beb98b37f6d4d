import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyWebhook } from '../core/webhook-signing.ts';
import { IdParams, RejectedRowView } from './ingest.schemas.ts';
import { ingestError, localizeRejected } from './ingest-errors.ts';
import { MAX_PUSH_ITEMS, receivePush } from './receive-push.ts';
import { findPushSource, findWebhookSource, rememberWebhookDelivery } from './sources.queries.ts';

const PushBody = z.object({ mentions: z.array(z.unknown()).min(1, 'mentions is empty').max(MAX_PUSH_ITEMS, `at most ${MAX_PUSH_ITEMS} mentions per request`) });
const PushResult = z.object({
  runId: z.string(),
  accepted: z.number(),
  duplicates: z.number(),
  updated: z.number(),
  rejected: z.array(RejectedRowView),
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
    // Invalid UTF-8 would be stored as U+FFFD (or as is): refuse it, naming where it is, before parsing.
    const invalidAt = invalidUtf8Offset(body as Buffer);
    if (invalidAt !== undefined) {
      done(ingestError('bad_request', 'push.invalidUtf8', { offset: invalidAt }), undefined);
      return;
    }
    try {
      done(null, JSON.parse((body as Buffer).toString('utf8')));
    } catch (error) {
      done(ingestError('bad_request', 'push.badJson', { detail: (error as Error).message }), undefined);
    }
  });

  app.post(
    '/api/v1/sources/:id/mentions',
    {
      config: { access: 'source-token' },
      schema: { tags: ['ingest'], security: [{ sourceToken: [] }], params: IdParams, body: PushBody, response: { 200: PushResult } },
    },
    async (request) => {
      const header = request.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      if (!token) throw ingestError('unauthorized', 'push.bearer');
      const source = await findPushSource(db, request.params.id, token);
      if (!source) throw ingestError('unauthorized', 'push.wrongToken');
      const result = await receivePush(server.ctx, source, 'push', request.body.mentions);
      request.log.info({ runId: result.runId, accepted: result.accepted, rejected: result.rejected.length }, 'push ingest');
      return { ...result, rejected: localizeRejected(request.locale, result.rejected) };
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
      const source = await findWebhookSource(db, request.params.id);
      if (!source?.webhook_secret) throw ingestError('unauthorized', 'push.unknownWebhook');
      const signature = verifyWebhook(source.webhook_secret, request.headers['x-verity-timestamp'], request.headers['x-verity-signature'], request.rawBody ?? Buffer.alloc(0));
      const result = await receivePush(server.ctx, source, 'webhook', request.body.mentions, async (trx) => {
        if (!(await rememberWebhookDelivery(trx, source.id, signature))) throw ingestError('conflict', 'push.replay');
      });
      request.log.info({ runId: result.runId, accepted: result.accepted, rejected: result.rejected.length }, 'webhook ingest');
      return { ...result, rejected: localizeRejected(request.locale, result.rejected) };
    },
  );
}

/** The offset of the first byte that is not valid UTF-8, or undefined when the whole body is. */
export function invalidUtf8Offset(body: Buffer): number | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return undefined;
  } catch {
    // Find the bad byte: the longest prefix that decodes (a binary search on a rare, refused path).
    let good = 0;
    let bad = body.length;
    while (bad - good > 4) {
      const middle = (good + bad) >>> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, middle), { stream: true });
        good = middle;
      } catch {
        bad = middle;
      }
    }
    for (let at = good; at < bad; at++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(0, at + 1), { stream: true });
      } catch {
        return sequenceStart(body, at);
      }
    }
    return good;
  }
}

/** Where the multi-byte sequence that fails at `at` began (a lead byte cut short), else `at`. */
function sequenceStart(body: Buffer, at: number): number {
  for (let back = 1; back <= 3 && at - back >= 0; back++) {
    const byte = body[at - back]!;
    if (byte >= 0xc0) return at - back;
    if (byte < 0x80) break;
  }
  return at;
}
