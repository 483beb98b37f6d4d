import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { attributeImportedVisits } from '../attribute-visits.ts';

/** On `outreach.visits-imported`: marks the booked referrals of the imported visits' patients visited (and pays a visit-triggered programme's rewards). */
export const attributeVisitsJob = defineJob({
  name: 'referrals.attribute-visits',
  schema: z.object({ orgId: z.string(), visitIds: z.array(z.string()) }),
  subscribe: 'outreach.visits-imported',
  async handle(ctx, data) {
    await attributeImportedVisits(ctx.db, data.orgId, data.visitIds);
  },
});
