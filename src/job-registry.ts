import type { PgBoss } from 'pg-boss';
import type { AppContext } from './core/context.ts';
import { runJob, type JobDefinition } from './core/jobs.ts';
import { FEATURES } from './features.ts';

/** Every job Verity runs, from the features' lists. */
export function jobDefinitions(): JobDefinition[] {
  return FEATURES.flatMap((f) => f.jobs);
}

/** Creates the queues every process sends to, so that sending never races a worker's start-up. */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const name of new Set(jobDefinitions().map((j) => j.name))) await boss.createQueue(name);
}

/** Registers the workers and schedules of every job on a started queue. */
export async function startWorkers(ctx: AppContext, boss: PgBoss, extra: JobDefinition[] = []): Promise<void> {
  for (const job of [...jobDefinitions(), ...extra]) {
    await boss.createQueue(job.name);
    await boss.work(job.name, { pollingIntervalSeconds: job.pollingIntervalSeconds ?? 1, localConcurrency: job.localConcurrency ?? 1 }, async (jobs) => {
      for (const j of jobs) await runJob(ctx, job, j.data);
    });
    if (job.cron) await boss.schedule(job.name, job.cron);
    if (job.subscribe) await boss.subscribe(job.subscribe, job.name);
  }
}
