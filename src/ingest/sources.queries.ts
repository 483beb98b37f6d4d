import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { hashToken, randomToken } from '../auth/sessions.ts';

import type { SourceKind } from './ingest.vocab.ts';

/** The source with this name in the organisation, created with `kind` when missing. */
export async function getOrCreateSource(db: Db, orgId: string, name: string, kind: SourceKind, platform = ''): Promise<{ id: string; kind: string }> {
  const existing = await db.selectFrom('sources').select(['id', 'kind']).where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
  if (existing) return existing;
  await db
    .insertInto('sources')
    .values({ org_id: orgId, name, kind, platform })
    .onConflict((oc) => oc.columns(['org_id', 'name']).doNothing())
    .execute();
  return db.selectFrom('sources').select(['id', 'kind']).where('org_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow();
}

/** New credentials for a push (bearer token) or webhook (HMAC secret) source; the plain values are returned once and only the token's hash is kept. */
export function newSourceCredentials(kind: string): { token?: string; tokenHash?: string; webhookSecret?: string } {
  if (kind === 'push') {
    const token = `vt_${randomToken(24)}`;
    return { token, tokenHash: hashToken(token) };
  }
  if (kind === 'webhook') return { webhookSecret: `whsec_${randomToken(24)}` };
  return {};
}

export async function findSources(db: Db, orgId: string) {
  return db
    .selectFrom('sources as s')
    .select((eb) => [
      's.id',
      's.name',
      's.kind',
      's.platform',
      's.url',
      's.poll_minutes as pollMinutes',
      's.created_at as createdAt',
      's.last_polled_at as lastPolledAt',
      's.last_poll_error as lastPollError',
      eb.selectFrom('mentions as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.source_id', '=', 's.id').as('mentionCount'),
    ])
    .where('s.org_id', '=', orgId)
    .orderBy('s.name')
    .execute();
}

/** The RSS/Atom sources whose polling interval has passed since their last poll. */
export async function findFeedsDue(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('sources')
    .select('id')
    .where('kind', '=', 'rss')
    .where('url', 'is not', null)
    .where((eb) => eb.or([eb('last_polled_at', 'is', null), eb('last_polled_at', '<', sql<Date>`now() - make_interval(mins => poll_minutes)`)]))
    .execute();
  return rows.map((r) => r.id);
}
