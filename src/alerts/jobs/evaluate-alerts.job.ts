import { z } from 'zod';
import { defineJob } from '../../core/jobs.ts';
import { EVENTS } from '../../core/events.ts';
import { evaluateMentionRules } from '../evaluate-mention-rules.ts';
import { evaluateVolumeRules } from '../evaluate-volume-rules.ts';
import { sendAlertSummaries } from '../record-alert.ts';

/** Evaluates mention rules on every batch the analysis publishes. */
export const evaluateMentionAlertsJob = defineJob({
  name: 'alerts.evaluate-mention-rules',
  schema: EVENTS['mentions.analysed'],
  subscribe: 'mentions.analysed',
  pollingIntervalSeconds: 0.5,
  async handle(ctx, data) {
    await evaluateMentionRules(ctx, data.orgId, data.mentionIds);
  },
});

/** Every minute: volume rules, then the summaries of open alerts whose cooldown has passed. */
export const evaluateVolumeAlertsJob = defineJob({
  name: 'alerts.evaluate-volume-rules',
  schema: z.object({}).passthrough(),
  cron: '* * * * *',
  async handle(ctx) {
    await evaluateVolumeRules(ctx);
    await sendAlertSummaries(ctx);
  },
});
