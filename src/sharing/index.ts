import { defineFeature } from '../core/feature.ts';
import { purgeSaltsJob } from './jobs/purge-salts.job.ts';
import { surveyConversionJob } from './jobs/survey-conversion.job.ts';
import { publicLinkRoutes } from './public/public-links.routes.ts';
import { sharingPermissions } from './sharing.permissions.ts';
import { sharingRoutes } from './sharing.routes.ts';

/** Short tracked links for any content with channel tags, clicks counted without storing addresses (a daily-salted hash, bots filtered), conversions along the chain of shares and the propagation view. */
export const sharingFeature = defineFeature({ name: 'sharing', routes: [sharingRoutes, publicLinkRoutes], jobs: [purgeSaltsJob, surveyConversionJob], permissions: sharingPermissions });

export { ARRIVAL_COOKIE, createShareLink, findLinkByCode, getShareLink, normaliseCode, recordConversion, type NewShareLink, type ShareLinkRow } from './share-links.ts';
export { isBotAgent, recordClick, utcDay, visitorHash } from './clicks.ts';
export { recordArrivalConversion } from './arrival.ts';
export { reshareUrl } from './sharing.vocab.ts';
export { sharingOverview, type SharingOverview } from './overview-figures.ts';
export { purgeSalts } from './salts.ts';
