import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditBy, recordAudit } from '../audit/index.ts';
import { notFound } from '../core/errors.ts';
import { assertTargetUrl } from '../core/outbound.ts';
import { requireAuth } from '../core/request.ts';
import { CreatedSource, CreateSourceBody, IdParams, SourceDefaultsBody, SourceView } from './ingest.schemas.ts';
import { ingestError, localizedSource } from './ingest-errors.ts';
import { isReservedSourceName } from './ingest.vocab.ts';
import { findOrgSource, insertSource, listSources, newSourceCredentials, setSourceCredentials, setSourceDefaults } from './sources.queries.ts';
import { OrgUnitResolver } from './ingest-mentions.ts';

export async function sourceRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const db = server.ctx.db;

  app.get('/api/sources', { config: { access: 'mentions.read' }, schema: { tags: ['sources'], response: { 200: z.object({ items: z.array(SourceView) }) } } }, async (request) => ({
    items: (await listSources(db, requireAuth(request).orgId)).map((s) => localizedSource(request.locale, s)),
  }));

  app.post('/api/sources', { config: { access: 'sources.manage' }, schema: { tags: ['sources'], body: CreateSourceBody, response: { 201: CreatedSource } } }, async (request, reply) => {
    const auth = requireAuth(request);
    const b = request.body;
    if (isReservedSourceName(b.name)) throw ingestError('conflict', 'source.reservedName', { name: b.name });
    // A feed at a literal loopback/private/metadata address is refused now; names are checked at each poll.
    if (b.url) assertTargetUrl(b.url, server.ctx.config.outboundAllow);
    const credentials = newSourceCredentials(b.kind);
    const id = await db.transaction().execute(async (trx) => {
      const created = await insertSource(trx, auth.orgId, b, credentials);
      await recordAudit(trx, {
        ...auditBy(auth, request.ip),
        action: 'source.create',
        targetType: 'source',
        targetId: created,
        details: { name: b.name, kind: b.kind, ...(b.competitor ? { competitor: b.competitor } : {}) },
      });
      return created;
    });
    const source = (await listSources(db, auth.orgId)).find((s) => s.id === id)!;
    return reply.status(201).send({ source: localizedSource(request.locale, source), token: credentials.token, webhookSecret: credentials.webhookSecret });
  });

  app.put(
    '/api/sources/:id/defaults',
    { config: { access: 'sources.manage' }, schema: { tags: ['sources'], params: IdParams, body: SourceDefaultsBody, response: { 200: z.object({ source: SourceView }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const source = await findOrgSource(db, auth.orgId, request.params.id);
      if (!source) throw notFound('source');
      const units = await OrgUnitResolver.load(db, auth.orgId);
      // null clears a default (undefined here); an id that is not the organisation's is null and refused.
      const locationId = request.body.defaultLocationId ? units.location(request.body.defaultLocationId) : undefined;
      const departmentId = request.body.defaultDepartmentId ? units.department(request.body.defaultDepartmentId) : undefined;
      if (locationId === null) throw ingestError('bad_request', 'source.unknownLocation');
      if (departmentId === null) throw ingestError('bad_request', 'source.unknownDepartment');
      await db.transaction().execute(async (trx) => {
        await setSourceDefaults(trx, auth.orgId, source.id, { locationId: locationId ?? null, departmentId: departmentId ?? null, competitor: request.body.competitor });
        await recordAudit(trx, {
          ...auditBy(auth, request.ip),
          action: 'source.update',
          targetType: 'source',
          targetId: source.id,
          details: {
            after: { defaultLocationId: locationId ?? null, defaultDepartmentId: departmentId ?? null, ...(request.body.competitor !== undefined ? { competitor: request.body.competitor } : {}) },
          },
        });
      });
      const updated = (await listSources(db, auth.orgId)).find((s) => s.id === source.id)!;
      return { source: localizedSource(request.locale, updated) };
    },
  );

  app.post(
    '/api/sources/:id/rotate-token',
    { config: { access: 'sources.manage' }, schema: { tags: ['sources'], params: IdParams, response: { 200: z.object({ token: z.string().optional(), webhookSecret: z.string().optional() }) } } },
    async (request) => {
      const auth = requireAuth(request);
      const source = await findOrgSource(db, auth.orgId, request.params.id);
      if (!source) throw notFound('source');
      if (source.kind !== 'push' && source.kind !== 'webhook') throw ingestError('bad_request', 'source.noToken', { sourceKind: source.kind });
      const credentials = newSourceCredentials(source.kind);
      await db.transaction().execute(async (trx) => {
        await setSourceCredentials(trx, source.id, credentials);
        await recordAudit(trx, { ...auditBy(auth, request.ip), action: 'source.rotate_token', targetType: 'source', targetId: source.id });
      });
      return { token: credentials.token, webhookSecret: credentials.webhookSecret };
    },
  );
}
