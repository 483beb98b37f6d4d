import type { FastifyInstance } from 'fastify';
import { declaredAccess } from '../server-auth.ts';

export interface Operation {
  method: string;
  /** Fastify's form, `/api/cases/:id`. */
  path: string;
  /** What the route declared in `config.access`: a permission, 'authenticated', 'public' or 'source-token'. */
  access: string;
}

/** Every operation of the server's OpenAPI document, with the access its route declared; throws for an operation whose route declared none. */
export function openApiOperations(server: FastifyInstance): Operation[] {
  const doc = server.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const access = declaredAccess(server);
  const operations: Operation[] = [];
  for (const [openApiPath, item] of Object.entries(doc.paths ?? {})) {
    const path = openApiPath.replace(/\{([^}]+)\}/g, ':$1');
    for (const method of Object.keys(item)) {
      const key = `${method.toUpperCase()} ${path}`;
      const declared = access.get(key);
      if (!declared) throw new Error(`${key} is in the OpenAPI document but declared no access`);
      operations.push({ method: method.toUpperCase(), path, access: declared });
    }
  }
  return operations.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}
