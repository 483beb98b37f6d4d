import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { sendDueInvitations } from '../send-invitations.ts';

/** Every minute, and once at the first due time after an import: sends the invitations that are due, under the contact rules. */
export const sendInvitationsJob = defineJob({
  name: 'outreach.send-invitations',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    await sendDueInvitations(ctx);
  },
});
