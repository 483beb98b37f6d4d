import { defineFeature } from '../core/feature.ts';
import { expireConsentsJob } from './jobs/expire-consents.job.ts';
import { storiesPermissions } from './stories.permissions.ts';
import { storiesRoutes } from './stories.routes.ts';

/** Patient stories and testimonials: collected on the portal or by staff on the patient's behalf, a consent per use, channel and time, revocable at any time (every use is flagged for takedown), and the compliance check per market before publishing. */
export const storiesFeature = defineFeature({ name: 'stories', routes: [storiesRoutes], jobs: [expireConsentsJob], permissions: storiesPermissions });

export { checkStoryUse, recordStoryUse, releaseStoryUses, type NewStoryUse, type StoryUseCheck, type StoryUseRequest, type UseFinding } from './story-use.ts';
export { checkUse, claimsOf } from './check-use.ts';
export { COMPLIANCE_RULES } from './compliance-rules.ts';
// The follow-up portal's "Share your story" opens the patient's own story request.
export { storyRequestForEnrolment, storyRequestForPatient } from './story-requests.ts';
export { expireConsents, revokeConsent, withdrawStory } from './revoke-consent.ts';
