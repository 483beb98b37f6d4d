import { defineFeature } from '../core/feature.ts';
import { importRoutes } from './import.routes.ts';
import { ingestPermissions } from './ingest.permissions.ts';
import { pollFeedsJob } from './jobs/poll-feeds.job.ts';
import { closeInterruptedRunsJob } from './jobs/close-interrupted-runs.job.ts';
import { manualEntryRoutes } from './manual-entry.routes.ts';
import { pushRoutes } from './push.routes.ts';
import { sourceRoutes } from './sources.routes.ts';

/** Everything that brings mentions in: sources, file imports, the push API, webhooks, connectors (RSS/Atom), manual entry. */
export const ingestFeature = defineFeature({
  name: 'ingest',
  routes: [sourceRoutes, importRoutes, pushRoutes, manualEntryRoutes],
  jobs: [pollFeedsJob, closeInterruptedRunsJob],
  permissions: ingestPermissions,
});

export type { MentionInput } from './mention-input.ts';
export type { Connector, ConnectorBatch, ConnectorReply } from './connector.ts';
export { importFile, type ImportSummary } from './import-file.ts';
export { getOrCreateSource, newSourceCredentials } from './sources.queries.ts';
export { recordRun, type RecordedRun, type RunInfo } from './record-run.ts';
// Run at start by app.ts: the runs of a process that died are closed as interrupted.
export { closeInterruptedRuns } from './import-runs.queries.ts';
export { STALE_RUN_SECONDS } from './jobs/close-interrupted-runs.job.ts';
