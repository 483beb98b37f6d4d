import { badRequest } from '../core/errors.ts';
import { targetUrlRefusal } from '../core/outbound.ts';
import type { Db } from '../db/database.ts';
import { parseChannelConfig, type ChannelKind } from '../notifications/index.ts';
import { alertsMessages } from './alerts.messages.ts';
import { assertUsersInOrg } from './alerts.queries.ts';

/**
 * A channel's config as its kind accepts it (a secret sent back masked keeps the `stored` one),
 * with the users an in_app channel names checked to be the organisation's, and every http(s) URL
 * in it (a robot's or webhook's url, Telegram's apiBase) not a literal loopback, private or
 * metadata address unless `outboundAllow` lists it. Throws bad_request naming the reason.
 */
export async function validateChannelConfig(
  db: Db,
  orgId: string,
  kind: ChannelKind,
  config: unknown,
  stored?: Record<string, unknown>,
  outboundAllow: readonly string[] = [],
): Promise<Record<string, unknown>> {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseChannelConfig(kind, config, stored);
  } catch (error) {
    throw badRequest(alertsMessages.text('invalidChannel', { kind, reason: (error as Error).message }));
  }
  for (const value of Object.values(parsed)) {
    const refusal = typeof value === 'string' && /^https?:\/\//i.test(value) ? targetUrlRefusal(value, outboundAllow) : null;
    if (refusal) throw badRequest(alertsMessages.text('invalidChannel', { kind, reason: refusal.text }));
  }
  if (kind === 'in_app') await assertUsersInOrg(db, orgId, (parsed.userIds as string[] | undefined) ?? []);
  return parsed;
}
