import { defineFeature } from '../../core/feature.ts';
import { reportsPermissions } from './reports.permissions.ts';

/** Weekly and monthly reports per organisation or location: an HTML e-mail and a PDF with charts, scheduled in the organisation's time zone, sent by SMTP, archived (`report_schedules`, `reports`). */
export const reportsView = defineFeature({ name: 'reports', routes: [], jobs: [], permissions: reportsPermissions });
