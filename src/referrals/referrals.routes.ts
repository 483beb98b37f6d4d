import type { FastifyInstance } from 'fastify';

/** The referrals API. */
export async function referralsRoutes(server: FastifyInstance): Promise<void> {
  void server;
}
