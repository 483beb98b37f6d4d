import { defineFeature } from '../core/feature.ts';
import { repliesPermissions } from './replies.permissions.ts';
import { replyRoutes } from './replies.routes.ts';

/** Reply templates, brand voice, the privacy check, approval and posting. */
export const repliesFeature = defineFeature({ name: 'replies', routes: [replyRoutes], jobs: [], permissions: repliesPermissions });

// What the read-side views show of replies: those of a case, and the drafts waiting for approval.
export { findCaseReplies, findDraftReplies } from './replies.queries.ts';
export { checkPrivacy } from './privacy-check.ts';
export { ReplyView, type ReplyViewType } from './replies.schemas.ts';
