import { defineJob } from '../../core/jobs.ts';
import { EVENTS } from '../../core/events.ts';
import { openCasesForMentions } from '../open-cases-for-mentions.ts';

/** Subscribed to mentions.analysed: opens major cases for risk flags and reopens cases on a returning author. */
export const openCasesJob = defineJob({
  name: 'cases.open-for-mentions',
  schema: EVENTS['mentions.analysed'],
  subscribe: 'mentions.analysed',
  async handle(ctx, data) {
    await openCasesForMentions(ctx, data);
  },
});
