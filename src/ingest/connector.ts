import type { RejectedRow } from './import-runs.queries.ts';
import type { ImportChannel } from './ingest.vocab.ts';
import type { MentionInput } from './mention-input.ts';

/**
 * What one fetch from a platform brought: the mentions, the items it could not read (named by
 * their position, like a file's rows), and the cursor the next fetch starts from. The runner
 * stores the cursor only after the mentions are committed, so a fault never skips items.
 */
export interface ConnectorBatch<Cursor> {
  mentions: MentionInput[];
  rejected: RejectedRow[];
  cursor: Cursor;
  /** The platform said nothing changed since the cursor (e.g. HTTP 304); nothing is recorded but the poll. */
  unchanged?: boolean;
}

/** A reply to post under a mention on its platform. */
export interface ConnectorReply {
  /** The platform's id of the mention replied to. */
  externalId: string;
  text: string;
}

/**
 * A platform Verity reads mentions from (and, where the platform allows, answers on). Each lives
 * in `connectors/<name>.ts`; `runConnector` runs one for a source through the one ingest path, as
 * a recorded run of the connector's channel. Fetching throws an Error naming what went wrong; the
 * runner records it on the source.
 */
export interface Connector<Cursor> {
  /** The channel its runs are recorded under. */
  readonly channel: ImportChannel;
  /** What its runs record as their file name (a feed's URL), if anything. */
  readonly origin?: string;
  /** Everything new since `cursor`. */
  fetch(cursor: Cursor): Promise<ConnectorBatch<Cursor>>;
  /** Posts a reply on the platform; returns the reply's address there when the platform gives one. */
  postReply?(reply: ConnectorReply): Promise<{ url: string | null }>;
}
