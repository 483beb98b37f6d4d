import type { FastifyPluginAsync } from 'fastify';
import type { PermissionGrants } from './access.vocab.ts';
import type { JobDefinition } from './jobs.ts';

/**
 * What a capability brings to the composition (src/features.ts): its HTTP routes, its jobs and the
 * permissions it owns. Each feature exports one from its `index.ts`; a new capability is a folder,
 * one line in FEATURES, a migration and its permissions.
 */
export interface Feature {
  name: string;
  routes: FastifyPluginAsync[];
  jobs: JobDefinition[];
  permissions: PermissionGrants;
}

export function defineFeature(feature: Feature): Feature {
  return feature;
}
