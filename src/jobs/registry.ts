import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../http/context.ts';
import { ANALYSE_QUEUE } from './enqueue.ts';
import { pollFeedsJob } from '../sources/jobs/poll-feeds.job.ts';
import { purgeExpiredJob } from '../auth/jobs/purge-expired.job.ts';
import { analyseBacklogJob, analyseMentionsJob } from '../mentions/jobs/analyse-mentions.job.ts';
import { checkSlaJob } from '../cases/jobs/check-sla.job.ts';
import { openCasesJob } from '../cases/jobs/open-cases.job.ts';
import { deliverNotificationJob } from '../notifications/jobs/deliver-notification.job.ts';
import { evaluateMentionAlertsJob, evaluateVolumeAlertsJob } from '../alerts/jobs/evaluate-alerts.job.ts';

export interface JobDefinition {
  name: string;
  /** Cron (UTC) when the job runs on a schedule. */
  cron?: string;
  /** An event (see enqueue.ts) whose publications become jobs of this queue. */
  subscribe?: string;
  /** How often an idle worker looks for jobs (default 1 s; pg-boss allows 0.5 s at least). */
  pollingIntervalSeconds?: number;
  /** Jobs this process runs at once (default 1); more lets one slow target not hold up the rest. */
  localConcurrency?: number;
  /** Handles one job; must be idempotent, since a job can run twice after a crash. */
  handle(ctx: AppContext, data: Record<string, unknown>): Promise<void>;
}

/** Every job Verity runs. */
export function jobDefinitions(): JobDefinition[] {
  return [analyseMentionsJob, analyseBacklogJob, pollFeedsJob, purgeExpiredJob, deliverNotificationJob, evaluateMentionAlertsJob, evaluateVolumeAlertsJob, openCasesJob, checkSlaJob];
}

/** Creates the queues every process sends to, so that sending never races a worker's start-up. */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of new Set([ANALYSE_QUEUE, ...jobDefinitions().map((j) => j.name)])) await boss.createQueue(name);
}

/** Registers the workers and schedules of every job on a started queue. */
export async function startWorkers(ctx: AppContext, boss: PgBoss, extra: JobDefinition[] = []): Promise<void> {
  for (const job of [...jobDefinitions(), ...extra]) {
    await boss.createQueue(job.name);
    await boss.work<Record<string, unknown>>(job.name, { pollingIntervalSeconds: job.pollingIntervalSeconds ?? 1, localConcurrency: job.localConcurrency ?? 1 }, async (jobs) => {
      for (const j of jobs) await job.handle(ctx, j.data ?? {});
    });
    if (job.cron) await boss.schedule(job.name, job.cron);
    if (job.subscribe) await boss.subscribe(job.subscribe, job.name);
  }
}
