import type { Text } from '../core/i18n.ts';
import { sql } from 'kysely';
import { hashToken, randomToken } from '../auth/index.ts';
import type { Db } from '../db/database.ts';
import { openSecret, sealSecret } from '../core/secrets.ts';
import { findImportRuns } from './import-runs.queries.ts';
import { builtInSourceOf, type SourceKind } from './ingest.vocab.ts';

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

/** The id of the organisation's source with this name, or undefined (nothing is created). */
export async function findSourceByName(db: Db, orgId: string, name: string): Promise<string | undefined> {
  return (await db.selectFrom('sources').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst())?.id;
}

export interface SourceCredentials {
  token?: string;
  tokenHash?: string;
  webhookSecret?: string;
}

/** New credentials for a push (bearer token) or webhook (HMAC secret) source; the plain values are returned once and only the token's hash is kept. */
export function newSourceCredentials(kind: string): SourceCredentials {
  if (kind === 'push') {
    const token = `vt_${randomToken(24)}`;
    return { token, tokenHash: hashToken(token) };
  }
  if (kind === 'webhook') return { webhookSecret: `whsec_${randomToken(24)}` };
  return {};
}

export interface NewSource {
  name: string;
  kind: SourceKind;
  platform?: string;
  url?: string;
  pollMinutes?: number;
  competitor?: string | null;
}

/** Creates a source with its credentials; returns its id. */
export async function insertSource(trx: Db, orgId: string, source: NewSource, credentials: SourceCredentials): Promise<string> {
  const { id } = await trx
    .insertInto('sources')
    .values({
      org_id: orgId,
      name: source.name,
      kind: source.kind,
      platform: source.platform ?? '',
      url: source.url ?? null,
      poll_minutes: source.kind === 'rss' ? (source.pollMinutes ?? 30) : null,
      token_hash: credentials.tokenHash ?? null,
      // Encrypted at rest (core/secrets.ts); opened only to check a signature.
      webhook_secret: credentials.webhookSecret ? sealSecret(credentials.webhookSecret) : null,
      competitor: source.competitor ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Replaces a source's token or webhook secret. */
export async function setSourceCredentials(trx: Db, sourceId: string, credentials: SourceCredentials): Promise<void> {
  await trx
    .updateTable('sources')
    .set({ token_hash: credentials.tokenHash ?? null, webhook_secret: credentials.webhookSecret ? sealSecret(credentials.webhookSecret) : null })
    .where('id', '=', sourceId)
    .execute();
}

/** A source of the organisation by id (kind included), or undefined: another organisation's id reads as missing. */
export async function findOrgSource(db: Db, orgId: string, sourceId: string): Promise<{ id: string; kind: SourceKind } | undefined> {
  return db.selectFrom('sources').select(['id', 'kind']).where('id', '=', sourceId).where('org_id', '=', orgId).executeTakeFirst();
}

/** The push source a bearer token opens, or undefined. */
export async function findPushSource(db: Db, sourceId: string, token: string): Promise<{ id: string; org_id: string } | undefined> {
  return db.selectFrom('sources').select(['id', 'org_id']).where('id', '=', sourceId).where('token_hash', '=', hashToken(token)).executeTakeFirst();
}

/** A webhook source with its signing secret (decrypted), or undefined. */
export async function findWebhookSource(db: Db, sourceId: string): Promise<{ id: string; org_id: string; webhook_secret: string | null } | undefined> {
  const source = await db.selectFrom('sources').select(['id', 'org_id', 'webhook_secret']).where('id', '=', sourceId).where('kind', '=', 'webhook').executeTakeFirst();
  return source && { ...source, webhook_secret: source.webhook_secret === null ? null : openSecret(source.webhook_secret) };
}

/** Remembers a webhook delivery by its signature; false when it was received before (a replay). */
export async function rememberWebhookDelivery(trx: Db, sourceId: string, signature: string): Promise<boolean> {
  const fresh = await trx
    .insertInto('webhook_deliveries')
    .values({ source_id: sourceId, signature })
    .onConflict((oc) => oc.doNothing())
    .returning('signature')
    .executeTakeFirst();
  return fresh !== undefined;
}

async function findSources(db: Db, orgId: string) {
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
      's.last_poll_error_message as lastPollErrorMessage',
      's.default_location_id as defaultLocationId',
      's.default_department_id as defaultDepartmentId',
      's.competitor',
      eb.selectFrom('mentions as m').select(eb.fn.countAll<number>().as('n')).whereRef('m.source_id', '=', 's.id').as('mentionCount'),
    ])
    .where('s.org_id', '=', orgId)
    .orderBy('s.name')
    .execute();
}

/** The organisation's sources with their mention counts, their latest run and which built-in source each is. */
export async function listSources(db: Db, orgId: string) {
  const [sources, runs] = await Promise.all([findSources(db, orgId), findImportRuns(db, orgId, 500)]);
  return sources.map((s) => ({ ...s, builtIn: builtInSourceOf(s.name), mentionCount: Number(s.mentionCount ?? 0), lastRun: runs.find((r) => r.sourceId === s.id) ?? null }));
}

/** An RSS/Atom source with its feed state, or undefined when the id is not a feed. */
export async function findFeedSource(db: Db, sourceId: string) {
  return db.selectFrom('sources').select(['id', 'org_id', 'url', 'feed_etag', 'feed_last_modified', 'feed_cursor']).where('id', '=', sourceId).where('kind', '=', 'rss').executeTakeFirst();
}

/** Records a poll: when it happened and its error (null when it went well), with its message code and parameters when Verity worded it. */
export async function markFeedPolled(db: Db, sourceId: string, error: string | null, errorText: Text | null = null): Promise<void> {
  await db
    .updateTable('sources')
    .set({ last_polled_at: new Date(), last_poll_error: error, last_poll_error_message: error && errorText ? JSON.stringify(errorText) : null })
    .where('id', '=', sourceId)
    .execute();
}

/** Sets a source's default location and department (ids of the organisation, checked by the caller) for rows that name none. */
export async function setSourceDefaults(
  trx: Db,
  orgId: string,
  sourceId: string,
  defaults: { locationId: string | null; departmentId: string | null; competitor?: string | null | undefined },
): Promise<void> {
  await trx
    .updateTable('sources')
    .set({ default_location_id: defaults.locationId, default_department_id: defaults.departmentId, ...(defaults.competitor !== undefined ? { competitor: defaults.competitor } : {}) })
    .where('id', '=', sourceId)
    .where('org_id', '=', orgId)
    .execute();
}

/** Stores a feed's cursor after its new items were ingested, and clears the last error. */
export async function saveFeedCursor(db: Db, sourceId: string, cursor: { etag: string | null; lastModified: string | null; newest: Date | null }): Promise<void> {
  await db
    .updateTable('sources')
    .set({ feed_etag: cursor.etag, feed_last_modified: cursor.lastModified, feed_cursor: cursor.newest, last_polled_at: new Date(), last_poll_error: null, last_poll_error_message: null })
    .where('id', '=', sourceId)
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
