import type { FastifyInstance } from 'fastify';

/** The advocates API. */
export async function advocatesRoutes(server: FastifyInstance): Promise<void> {
  void server;
}
