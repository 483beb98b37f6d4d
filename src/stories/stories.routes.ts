import type { FastifyInstance } from 'fastify';

/** The stories API. */
export async function storiesRoutes(server: FastifyInstance): Promise<void> {
  void server;
}
