import { sql } from 'kysely';
import type { Db } from './db/database.ts';
import { isSealed, openSecret, sealedKeyId, sealSecret, type SecretKey } from './core/secrets.ts';
import { channelSecretFields } from './notifications/index.ts';
import { SMS_SECRET_FIELDS } from './outreach/sms/sms-config.ts';
import type { SmsProviderKind } from './outreach/outreach.vocab.ts';

/*
 * Every secret Verity stores, in one list: the start-up step seals those still in plaintext, and
 * `verity rotate-key` re-seals them all under a new key. Each place reads its rows, passes every
 * secret value through `change` and writes back the rows whose values changed.
 *
 *   alert_channels.config    channel URLs with their keys (Slack, WeCom, DingTalk, webhooks), DingTalk
 *                            and webhook signing secrets, Telegram bot tokens (the drivers' secretFields)
 *   sources.webhook_secret   the signing secret of a webhook source (push tokens are stored as hashes)
 *   outreach_settings.sms_config  the SMS provider's key, secret or token (SMS_SECRET_FIELDS)
 *   followup_secrets.secret  the key that signs patients' portal links
 */

type Change = (value: string) => string;

interface SecretPlace {
  name: string;
  /** Passes every stored secret through `change`; returns how many rows changed. */
  each(db: Db, change: Change): Promise<number>;
}

/** A copy of `object` with `fields` passed through `change`; null when none changed. */
function changedFields(object: Record<string, unknown>, fields: readonly string[], change: Change): Record<string, unknown> | null {
  let changed = false;
  const out: Record<string, unknown> = { ...object };
  for (const f of fields) {
    if (typeof out[f] !== 'string') continue;
    const next = change(out[f]);
    if (next !== out[f]) [out[f], changed] = [next, true];
  }
  return changed ? out : null;
}

const PLACES: SecretPlace[] = [
  {
    name: 'alert_channels',
    async each(db, change) {
      let n = 0;
      for (const row of await db.selectFrom('alert_channels').select(['id', 'kind', 'config']).orderBy('id').execute()) {
        const config = changedFields(row.config, channelSecretFields(row.kind), change);
        if (!config) continue;
        await db
          .updateTable('alert_channels')
          .set({ config: JSON.stringify(config) })
          .where('id', '=', row.id)
          .execute();
        n++;
      }
      return n;
    },
  },
  {
    name: 'sources',
    async each(db, change) {
      let n = 0;
      for (const row of await db.selectFrom('sources').select(['id', 'webhook_secret']).where('webhook_secret', 'is not', null).orderBy('id').execute()) {
        const next = change(row.webhook_secret!);
        if (next === row.webhook_secret) continue;
        await db.updateTable('sources').set({ webhook_secret: next }).where('id', '=', row.id).execute();
        n++;
      }
      return n;
    },
  },
  {
    name: 'outreach_settings',
    async each(db, change) {
      let n = 0;
      for (const row of await db.selectFrom('outreach_settings').select(['org_id', 'sms_provider', 'sms_config']).orderBy('org_id').execute()) {
        const config = changedFields(row.sms_config, SMS_SECRET_FIELDS[row.sms_provider as SmsProviderKind] ?? [], change);
        if (!config) continue;
        await db
          .updateTable('outreach_settings')
          .set({ sms_config: JSON.stringify(config) })
          .where('org_id', '=', row.org_id)
          .execute();
        n++;
      }
      return n;
    },
  },
  {
    name: 'followup_secrets',
    async each(db, change) {
      let n = 0;
      for (const row of await db.selectFrom('followup_secrets').select(['org_id', 'secret']).orderBy('org_id').execute()) {
        const next = change(row.secret);
        if (next === row.secret) continue;
        await db.updateTable('followup_secrets').set({ secret: next }).where('org_id', '=', row.org_id).execute();
        n++;
      }
      return n;
    },
  },
];

const CANARY = 'verity-secrets-key';

/** The canary opened with `keys`; null when none of them sealed it. */
function canaryOpens(canary: string, keys: readonly SecretKey[]): string | null {
  try {
    return openSecret(canary, keys);
  } catch {
    return null;
  }
}

function wrongKey(storedId: string | null, key: SecretKey): Error {
  return new Error(
    `this store's secrets are encrypted with key ${storedId ?? 'unknown'}, but VERITY_SECRET_KEY (or the data directory's secret.key) is key ${key.id}: ` +
      'start with the key they were encrypted with; to change keys, run `verity rotate-key` with the old key configured',
  );
}

/**
 * The start-up step: refuses a key other than the one the store's secrets are sealed with (the
 * store's canary, else any sealed value), then seals every secret still in plaintext (rows written
 * before encryption, or by an older version). Idempotent, in one transaction. Returns how many rows
 * it sealed.
 */
export async function prepareStoredSecrets(db: Db, key: SecretKey): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('secrets_key').select('canary').executeTakeFirst();
    if (row) {
      if (canaryOpens(row.canary, [key]) !== CANARY) throw wrongKey(sealedKeyId(row.canary), key);
    } else {
      // A store from before the canary: every sealed value must be this key's.
      for (const place of PLACES)
        await place.each(trx, (value) => {
          const id = sealedKeyId(value);
          if (id !== null && id !== key.id) throw wrongKey(id, key);
          return value;
        });
      await trx
        .insertInto('secrets_key')
        .values({ canary: sealSecret(CANARY, key) })
        .onConflict((oc) => oc.column('singleton').doNothing())
        .execute();
    }
    let sealed = 0;
    for (const place of PLACES) sealed += await place.each(trx, (value) => (isSealed(value) ? value : sealSecret(value, key)));
    return sealed;
  });
}

/**
 * Re-seals every stored secret under `newKey` (a plaintext one too), in one transaction, and
 * records `newKey` as the store's key. Throws, changing nothing, when a secret does not open with
 * `oldKeys`. Returns how many rows changed, per table.
 */
export async function rotateStoredSecrets(db: Db, oldKeys: readonly SecretKey[], newKey: SecretKey): Promise<{ rows: number; tables: Record<string, number> }> {
  return db.transaction().execute(async (trx) => {
    const canary = await trx.selectFrom('secrets_key').select('canary').executeTakeFirst();
    if (canary && canaryOpens(canary.canary, oldKeys) !== CANARY) throw wrongKey(sealedKeyId(canary.canary), oldKeys[0]!);
    const tables: Record<string, number> = {};
    let rows = 0;
    for (const place of PLACES) {
      tables[place.name] = await place.each(trx, (value) => sealSecret(openSecret(value, oldKeys), newKey));
      rows += tables[place.name]!;
    }
    await trx
      .insertInto('secrets_key')
      .values({ canary: sealSecret(CANARY, newKey) })
      .onConflict((oc) => oc.column('singleton').doUpdateSet({ canary: sealSecret(CANARY, newKey), updated_at: sql<Date>`now()` }))
      .execute();
    return { rows, tables };
  });
}
