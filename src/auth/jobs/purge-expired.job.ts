import { sql } from 'kysely';
import type { JobDefinition } from '../../jobs/registry.ts';
import { WEBHOOK_TOLERANCE_SECONDS } from '../../ingest/push.routes.ts';

/** Deletes expired sessions, stale login-failure windows and webhook signatures too old to be replayed. */
export const purgeExpiredJob: JobDefinition = {
  name: 'purge-expired',
  cron: '17 * * * *',
  async handle(ctx) {
    await ctx.db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
    await ctx.db.deleteFrom('login_attempts').where('window_start', '<', new Date(Date.now() - 24 * 3600_000)).execute();
    await sql`DELETE FROM webhook_deliveries WHERE received_at < now() - make_interval(secs => ${WEBHOOK_TOLERANCE_SECONDS * 2})`.execute(ctx.db);
  },
};
