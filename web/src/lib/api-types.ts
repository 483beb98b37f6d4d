import type { paths } from './api.gen.ts';

// Shapes of the API, read from the generated api.gen.ts (the server's OpenAPI document), so a
// feature's types are aliases of what its routes declare, not hand-written copies.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON a route answers with on success: its 200, or its 201 for a create. */
export type ApiResponse<P extends keyof paths, M extends Method = 'get'> = paths[P][M] extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? Json<Ok>
    : R extends { 201: infer Created }
      ? Json<Created>
      : never
  : never;

/** The JSON body a route takes. */
export type ApiBody<P extends keyof paths, M extends Method> = paths[P][M] extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;

/** One element of a list route's `items`. */
export type ApiItem<P extends keyof paths, M extends Method = 'get'> = ApiResponse<P, M> extends { items: (infer T)[] } ? T : never;

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
