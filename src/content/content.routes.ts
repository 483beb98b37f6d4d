import type { FastifyInstance } from 'fastify';

/** The content API. */
export async function contentRoutes(server: FastifyInstance): Promise<void> {
  void server;
}
