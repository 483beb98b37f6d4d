import { defineFeature } from '../core/feature.ts';
import { sharingPermissions } from './sharing.permissions.ts';
import { sharingRoutes } from './sharing.routes.ts';

/** Short tracked links for any content with channel tags, clicks counted without storing addresses (a daily-salted hash, bots filtered), conversions along the chain of shares and the propagation view. */
export const sharingFeature = defineFeature({ name: 'sharing', routes: [sharingRoutes], jobs: [], permissions: sharingPermissions });

export { ARRIVAL_COOKIE, createShareLink, findLinkByCode, getShareLink, normaliseCode, recordConversion, type NewShareLink, type ShareLinkRow } from './share-links.ts';
export { isBotAgent, recordClick, utcDay, visitorHash } from './clicks.ts';
