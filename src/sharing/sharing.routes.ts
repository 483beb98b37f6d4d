import type { FastifyInstance } from 'fastify';

/** The sharing API. */
export async function sharingRoutes(server: FastifyInstance): Promise<void> {
  void server;
}
