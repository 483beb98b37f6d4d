import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseView } from '../../cases/index.ts';
import { requireAuth } from '../../core/request.ts';
import { ReplyView } from '../../replies/index.ts';
import { assignedCases } from './assigned-cases.ts';
import { openActions, OpenActionView } from './open-actions.ts';
import { pendingApprovals } from './pending-approvals.ts';

/** What is waiting for the signed-in user: cases assigned to them, actions they own, drafts they may approve. */
export async function myWorkRoutes(server: FastifyInstance): Promise<void> {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const { db, access } = server.ctx;

  app.get(
    '/api/my-work',
    { config: { access: 'authenticated' }, schema: { tags: ['cases'], response: { 200: z.object({ cases: z.array(CaseView), actions: z.array(OpenActionView), approvals: z.array(ReplyView) }) } } },
    async (request) => {
      const auth = requireAuth(request);
      return {
        cases: await assignedCases(db, access, auth, request.locale),
        actions: await openActions(db, auth),
        approvals: await pendingApprovals(db, access, auth, request.locale),
      };
    },
  );
}
