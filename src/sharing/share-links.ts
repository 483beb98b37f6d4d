import { randomInt, randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { fromDatabaseError, notFound } from '../core/errors.ts';
import { ARRIVAL_COOKIE_NAME, CODE_ALPHABET, CODE_LENGTH, MAX_CHAIN_DEPTH, type ConversionKind, type ShareChannel, type ShareTargetKind } from './sharing.vocab.ts';

/** The cookie `/l/<code>` (a share link) and `/r/<code>` (a referral link) set to remember the link a visitor arrived by (a later share or booking is its child). */
export const ARRIVAL_COOKIE = ARRIVAL_COOKIE_NAME;

export interface NewShareLink {
  orgId: string;
  targetKind: ShareTargetKind;
  /** The story, survey or referral programme (null for an article). */
  targetId?: string | null;
  /** An article's address (http or https). */
  targetUrl?: string | null;
  channel?: ShareChannel | null;
  label?: string;
  ownerPatientId?: string | null;
  ownerUserId?: string | null;
  /** The link the sharer arrived by; its chain continues (origin, depth + 1). A link of another organisation is ignored. */
  parentId?: string | null;
}

export interface ShareLinkRow {
  id: string;
  orgId: string;
  code: string;
  targetKind: ShareTargetKind;
  targetId: string | null;
  targetUrl: string | null;
  channel: ShareChannel | null;
  label: string;
  ownerPatientId: string | null;
  ownerUserId: string | null;
  parentId: string | null;
  originId: string;
  depth: number;
  disabledAt: Date | null;
  createdAt: Date;
}

/** A fresh code: CODE_LENGTH characters of CODE_ALPHABET (31^8 ≈ 8.5·10^11 codes). */
export function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Normalises a code as typed or read out (case, spaces, dashes); null when it cannot be one. */
export function normaliseCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

const COLUMNS = [
  'id',
  'org_id',
  'code',
  'target_kind',
  'target_id',
  'target_url',
  'channel',
  'label',
  'owner_patient_id',
  'owner_user_id',
  'parent_id',
  'origin_id',
  'depth',
  'disabled_at',
  'created_at',
] as const;

type Row = {
  id: string;
  org_id: string;
  code: string;
  target_kind: ShareTargetKind;
  target_id: string | null;
  target_url: string | null;
  channel: ShareChannel | null;
  label: string;
  owner_patient_id: string | null;
  owner_user_id: string | null;
  parent_id: string | null;
  origin_id: string | null;
  depth: number;
  disabled_at: Date | null;
  created_at: Date;
};

function toLink(r: Row): ShareLinkRow {
  return {
    id: r.id,
    orgId: r.org_id,
    code: r.code,
    targetKind: r.target_kind,
    targetId: r.target_id,
    targetUrl: r.target_url,
    channel: r.channel,
    label: r.label,
    ownerPatientId: r.owner_patient_id,
    ownerUserId: r.owner_user_id,
    parentId: r.parent_id,
    originId: r.origin_id ?? r.id,
    depth: r.depth,
    disabledAt: r.disabled_at,
    createdAt: r.created_at,
  };
}

/** Makes a short link (a fresh code, retried on the rare collision), continuing its parent's chain. */
export async function createShareLink(db: Db, input: NewShareLink): Promise<ShareLinkRow> {
  const parent = input.parentId
    ? await db.selectFrom('share_links').select(['id', 'origin_id', 'depth']).where('org_id', '=', input.orgId).where('id', '=', input.parentId).executeTakeFirst()
    : undefined;
  const id = randomUUID();
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const row = await db
        .insertInto('share_links')
        .values({
          id,
          org_id: input.orgId,
          code: newCode(),
          target_kind: input.targetKind,
          target_id: input.targetId ?? null,
          target_url: input.targetUrl ?? null,
          channel: input.channel ?? null,
          label: input.label ?? '',
          owner_patient_id: input.ownerPatientId ?? null,
          owner_user_id: input.ownerUserId ?? null,
          parent_id: parent?.id ?? null,
          origin_id: parent ? (parent.origin_id ?? parent.id) : id,
          depth: parent ? Math.min(parent.depth + 1, MAX_CHAIN_DEPTH) : 0,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning(COLUMNS)
        .executeTakeFirst();
      if (row) return toLink(row);
    } catch (error) {
      throw fromDatabaseError(error) ?? error;
    }
  }
  throw new Error('could not find a free share code');
}

/** The link with this code, in any organisation (the public routes), or null. */
export async function findLinkByCode(db: Db, code: string): Promise<ShareLinkRow | null> {
  const normal = normaliseCode(code);
  if (!normal) return null;
  const row = await db.selectFrom('share_links').select(COLUMNS).where('code', '=', normal).executeTakeFirst();
  return row ? toLink(row) : null;
}

/** One of the organisation's links; 404 otherwise. */
export async function getShareLink(db: Db, orgId: string, id: string): Promise<ShareLinkRow> {
  const row = await db.selectFrom('share_links').select(COLUMNS).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('share link');
  return toLink(row);
}

/**
 * Records that a visitor who came by `linkId` did something (booked, visited, answered a survey,
 * joined a programme); once per link, patient and kind. The chain's other links are credited when
 * the propagation view walks `parent_id` up to the origin.
 */
export async function recordConversion(db: Db, input: { orgId: string; linkId: string; patientId: string | null; kind: ConversionKind; refId?: string | null; at?: Date }): Promise<void> {
  await db
    .insertInto('share_conversions')
    .values({ org_id: input.orgId, link_id: input.linkId, patient_id: input.patientId, kind: input.kind, ref_id: input.refId ?? null, ...(input.at ? { at: input.at } : {}) })
    .onConflict((oc) => oc.columns(['link_id', 'patient_id', 'kind']).where('patient_id', 'is not', null).doNothing())
    .execute();
}
