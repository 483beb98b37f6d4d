import { defineFeature } from '../core/feature.ts';
import { pollFeedsJob } from './jobs/poll-feeds.job.ts';
import { sourceRoutes } from './sources.routes.ts';
import { ingestPermissions } from './ingest.permissions.ts';
import { importRoutes } from './import.routes.ts';
import { pushRoutes } from './push.routes.ts';

/** Everything that brings mentions in: sources, file imports, the push API, webhooks, feeds, manual entry. */
export const ingestFeature = defineFeature({ name: 'ingest', routes: [sourceRoutes, importRoutes, pushRoutes], jobs: [pollFeedsJob], permissions: ingestPermissions });
