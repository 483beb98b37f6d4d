import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { parseChannelConfig, type ChannelKind } from '../notifications/index.ts';
import { alertsMessages } from './alerts.messages.ts';
import { assertUsersInOrg } from './alerts.queries.ts';

/**
 * A channel's config as its kind accepts it (a secret sent back masked keeps the `stored` one),
 * with the users an in_app channel names checked to be the organisation's. Throws bad_request
 * naming the reason.
 */
export async function validateChannelConfig(db: Db, orgId: string, kind: ChannelKind, config: unknown, stored?: Record<string, unknown>): Promise<Record<string, unknown>> {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseChannelConfig(kind, config, stored);
  } catch (error) {
    throw badRequest(alertsMessages.text('invalidChannel', { kind, reason: (error as Error).message }));
  }
  if (kind === 'in_app') await assertUsersInOrg(db, orgId, (parsed.userIds as string[] | undefined) ?? []);
  return parsed;
}
