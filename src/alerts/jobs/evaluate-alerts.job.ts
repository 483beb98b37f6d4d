import { MENTIONS_ANALYSED_EVENT } from '../../jobs/enqueue.ts';
import type { JobDefinition } from '../../jobs/registry.ts';
import { evaluateMentionRules } from '../evaluate-mention-rules.ts';
import { evaluateVolumeRules } from '../evaluate-volume-rules.ts';
import { sendAlertSummaries } from '../record-alert.ts';

/** Evaluates mention rules on every batch the analysis publishes. */
export const evaluateMentionAlertsJob: JobDefinition = {
  name: 'evaluate-mention-alerts',
  subscribe: MENTIONS_ANALYSED_EVENT,
  pollingIntervalSeconds: 0.5,
  async handle(ctx, data) {
    const ids = Array.isArray(data.mentionIds) ? data.mentionIds.filter((id): id is string => typeof id === 'string') : [];
    if (typeof data.orgId === 'string') await evaluateMentionRules(ctx, data.orgId, ids);
  },
};

/** Every minute: volume rules, then the summaries of open alerts whose cooldown has passed. */
export const evaluateVolumeAlertsJob: JobDefinition = {
  name: 'evaluate-volume-alerts',
  cron: '* * * * *',
  async handle(ctx) {
    await evaluateVolumeRules(ctx);
    await sendAlertSummaries(ctx);
  },
};
