import { defineFeature } from '../core/feature.ts';
import { casesPermissions } from './cases.permissions.ts';
import { caseRoutes } from './cases.routes.ts';
import { checkSlaJob } from './jobs/check-sla.job.ts';
import { openCasesJob } from './jobs/open-cases.job.ts';

/** Graded cases: workflow, SLA clocks, escalation, evidence packs, the prevention loop. */
export const casesFeature = defineFeature({ name: 'cases', routes: [caseRoutes], jobs: [openCasesJob, checkSlaJob], permissions: casesPermissions });
