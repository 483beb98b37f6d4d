import { defineFeature } from '../../core/feature.ts';
import { myWorkRoutes } from './my-work.routes.ts';

/** A read-side view, not a capability: it composes what cases and replies hold for one person, and owns no permission. */
export const myWorkView = defineFeature({ name: 'my-work', routes: [myWorkRoutes], jobs: [], permissions: {} });
