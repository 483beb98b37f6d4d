import { defineFeature } from '../../core/feature.ts';
import { patientTimelineRoutes } from './patient-timeline.routes.ts';

/**
 * A read-side view: one patient's timeline joining care (visits, follow-ups) and reputation
 * (invitations, survey answers, the mentions and cases they became). Routes only; it reads
 * outreach's `patients.read`.
 */
export const patientTimelineView = defineFeature({ name: 'patient-timeline', routes: [patientTimelineRoutes], jobs: [], permissions: {} });
