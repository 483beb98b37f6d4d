import { MENTIONS_ANALYSED_EVENT } from '../../jobs/enqueue.ts';
import type { JobDefinition } from '../../jobs/registry.ts';
import { openCasesForMentions } from '../open-cases-for-mentions.ts';

/** Subscribed to mentions.analysed: opens major cases for risk flags and reopens cases on a returning author. */
export const openCasesJob: JobDefinition = {
  name: 'cases-open-for-mentions',
  subscribe: MENTIONS_ANALYSED_EVENT,
  async handle(ctx, data) {
    if (typeof data.orgId === 'string' && Array.isArray(data.mentionIds)) {
      await openCasesForMentions(ctx, { orgId: data.orgId, mentionIds: data.mentionIds.filter((id): id is string => typeof id === 'string') });
    }
  },
};
