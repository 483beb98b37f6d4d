import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit.ts';
import { IdParams } from '../auth/auth.schemas.ts';
import { requireAuth } from '../core/request.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import { findImportRuns } from './import-runs.ts';
import { isReservedSourceName, type SourceKind } from './ingest.vocab.ts';
import { findSources, newSourceCredentials } from './sources.queries.ts';
import { CreatedSource, CreateSourceBody, SourceView } from './sources.schemas.ts';

export async function sourceRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const db = server.ctx.db;

  const listSources = async (orgId: string) => {
    const [sources, runs] = await Promise.all([findSources(db, orgId), findImportRuns(db, orgId, 500)]);
    return sources.map((s) => ({ ...s, kind: s.kind as SourceKind, mentionCount: Number(s.mentionCount ?? 0), lastRun: runs.find((r) => r.sourceId === s.id) ?? null }));
  };

  app.get('/api/sources', { config: { access: 'mentions.read' }, schema: { tags: ['sources'], response: { 200: z.object({ items: z.array(SourceView) }) } } }, async (request) => ({
    items: await listSources(requireAuth(request).orgId),
  }));

  app.post('/api/sources', { config: { access: 'sources.manage' }, schema: { tags: ['sources'], body: CreateSourceBody, response: { 201: CreatedSource } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const b = request.body;
    if (isReservedSourceName(b.name)) throw new AppError('conflict', `'${b.name}' is the name of a source Verity keeps for itself; choose another`);
    const credentials = newSourceCredentials(b.kind);
    const { id } = await db
      .insertInto('sources')
      .values({
        org_id: auth.orgId,
        name: b.name,
        kind: b.kind,
        platform: b.platform ?? '',
        url: b.url ?? null,
        poll_minutes: b.kind === 'rss' ? (b.pollMinutes ?? 30) : null,
        token_hash: credentials.tokenHash ?? null,
        webhook_secret: credentials.webhookSecret ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'source.create', targetType: 'source', targetId: id, ip: request.ip, details: { name: b.name, kind: b.kind } });
    const source = (await listSources(auth.orgId)).find((s) => s.id === id)!;
    return reply.status(201).send({ source, token: credentials.token, webhookSecret: credentials.webhookSecret });
  });

  app.post(
    '/api/sources/:id/rotate-token',
    { config: { access: 'sources.manage' }, schema: { tags: ['sources'], params: IdParams, response: { 200: z.object({ token: z.string().optional(), webhookSecret: z.string().optional() }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const source = await db.selectFrom('sources').select(['id', 'kind']).where('id', '=', request.params.id).where('org_id', '=', auth.orgId).executeTakeFirst();
      if (!source) throw notFound('source');
      if (source.kind !== 'push' && source.kind !== 'webhook') throw badRequest(`a ${source.kind} source has no token`);
      const credentials = newSourceCredentials(source.kind);
      await db
        .updateTable('sources')
        .set({ token_hash: credentials.tokenHash ?? null, webhook_secret: credentials.webhookSecret ?? null })
        .where('id', '=', source.id)
        .execute();
      await recordAudit(db, { orgId: auth.orgId, userId: auth.userId, actor: auth.email, action: 'source.rotate_token', targetType: 'source', targetId: source.id, ip: request.ip });
      return { token: credentials.token, webhookSecret: credentials.webhookSecret };
    },
  );
}
