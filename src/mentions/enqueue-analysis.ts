import type { PgBoss } from 'pg-boss';
import { sendJob } from '../core/jobs.ts';
import type { Db } from '../db/database.ts';
import { analyseMentionsJob } from './jobs/analyse-mentions.job.ts';

/**
 * Asks the workers to analyse an organisation's new mentions, inside the caller's transaction (so
 * the job exists exactly when the mentions do). Debounced per organisation (see analyseMentionsJob).
 */
export async function enqueueAnalysis(boss: PgBoss | null, trx: Db, orgId: string): Promise<void> {
  await sendJob(boss, trx, analyseMentionsJob, { orgId }, { singletonKey: orgId, singletonSeconds: 2, singletonNextSlot: true });
}
