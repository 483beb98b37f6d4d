import { defineFeature } from '../core/feature.ts';
import { contentPermissions } from './content.permissions.ts';
import { contentRoutes } from './content.routes.ts';

/** The clinic's brand, posters made from approved story quotes (PNG and PDF, typeset in Chinese, Russian and English) and the content calendar, whose posts cannot use a story beyond its consent. */
export const contentFeature = defineFeature({ name: 'content', routes: [contentRoutes], jobs: [], permissions: contentPermissions });
