import { defineFeature } from '../core/feature.ts';
import { analyseBacklogJob, analyseMentionsJob } from './jobs/analyse-mentions.job.ts';
import { mentionsPermissions } from './mentions.permissions.ts';
import { mentionRoutes } from './mentions.routes.ts';

/** The mentions inbox and the analysis worker. */
export const mentionsFeature = defineFeature({ name: 'mentions', routes: [mentionRoutes], jobs: [analyseMentionsJob, analyseBacklogJob], permissions: mentionsPermissions });

export { enqueueAnalysis } from './enqueue-analysis.ts';
export { findMention, findMentions, findMentionVersions } from './mentions.queries.ts';
export { MentionView, type MentionViewType } from './mentions.schemas.ts';
export { searchVector } from './search-tokens.ts';
export { isComplaint, isComplaintLabel } from './complaints.ts';
