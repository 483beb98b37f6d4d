import { defineFeature } from '../core/feature.ts';
import { alertsPermissions } from './alerts.permissions.ts';
import { alertRoutes } from './alerts.routes.ts';
import { evaluateMentionAlertsJob, evaluateVolumeAlertsJob } from './jobs/evaluate-alerts.job.ts';

/** Alert rules (single mention, volume and spikes), their evaluation, grouping, cooldowns and quiet hours. */
export const alertsFeature = defineFeature({ name: 'alerts', routes: [alertRoutes], jobs: [evaluateMentionAlertsJob, evaluateVolumeAlertsJob], permissions: alertsPermissions });
