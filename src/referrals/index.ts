import { defineFeature } from '../core/feature.ts';
import { attributeVisitsJob } from './jobs/attribute-visits.job.ts';
import { expireRewardsJob } from './jobs/expire-rewards.job.ts';
import { landingRoutes } from './landing/landing.routes.ts';
import { referralsPermissions } from './referrals.permissions.ts';
import { referralsRoutes } from './referrals.routes.ts';

/** Referral programmes ("old brings new"): personal links and codes, attribution when the new patient books or visits, a double-entry rewards ledger and fraud checks that hold a reward for review. */
export const referralsFeature = defineFeature({ name: 'referrals', routes: [referralsRoutes, landingRoutes], jobs: [attributeVisitsJob, expireRewardsJob], permissions: referralsPermissions });

export { createReferralLink } from './referral-links.ts';
export { referralUrl } from './patient-links.ts';
