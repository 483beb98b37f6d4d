import { defineFeature } from '../../core/feature.ts';
import { caseDetailRoutes } from './case-detail.routes.ts';

/**
 * A read-side view, not a capability: the case page composes cases, replies and mentions, so that
 * replies may depend on cases without cases depending on replies. It owns no permission.
 */
export const caseDetailView = defineFeature({ name: 'case-detail', routes: [caseDetailRoutes], jobs: [], permissions: {} });
