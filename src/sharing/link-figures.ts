import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { CONVERSION_KINDS, MAX_CHAIN_DEPTH, type ConversionKind, type ShareChannel, type ShareTargetKind } from './sharing.vocab.ts';

/**
 * The figures of share links. A visitor is one day-salted hash: the same person on two days counts
 * twice (the salt of a past day is gone, so nothing can join them). Bot clicks are kept apart and
 * counted in no other figure.
 */

export type ConversionCounts = Record<ConversionKind, number>;
export const noConversions = (): ConversionCounts => Object.fromEntries(CONVERSION_KINDS.map((k) => [k, 0])) as ConversionCounts;

export interface LinkFigures {
  /** Human clicks (every open, repeated ones too). */
  clicks: number;
  /** Unique human visitors (distinct day-salted hashes). */
  visitors: number;
  botClicks: number;
  /** Conversions of visitors who came by this very link. */
  conversions: ConversionCounts;
  /** Unique human visitors of this link and every share of it below (its subtree). */
  reach: number;
  /** Links made from this one (re-shares, referred patients' links). */
  children: number;
}

/** The figures of the organisation's links `ids` (all of one organisation); every id gets an entry. */
export async function linkFigures(db: Db, orgId: string, ids: string[]): Promise<Map<string, LinkFigures>> {
  const out = new Map<string, LinkFigures>(ids.map((id) => [id, { clicks: 0, visitors: 0, botClicks: 0, conversions: noConversions(), reach: 0, children: 0 }]));
  if (!ids.length) return out;
  const [clicks, conversions, reach, children] = await Promise.all([
    sql<{ id: string; clicks: number; visitors: number; bots: number }>`
      SELECT c.link_id AS id, count(*) FILTER (WHERE NOT c.bot)::int AS clicks,
        count(DISTINCT c.day::text || c.visitor_hash) FILTER (WHERE NOT c.bot)::int AS visitors, count(*) FILTER (WHERE c.bot)::int AS bots
      FROM share_clicks c WHERE c.org_id = ${orgId} AND c.link_id = ANY(${ids}::uuid[]) GROUP BY 1`.execute(db),
    sql<{ id: string; kind: ConversionKind; n: number }>`
      SELECT v.link_id AS id, v.kind, count(*)::int AS n FROM share_conversions v WHERE v.org_id = ${orgId} AND v.link_id = ANY(${ids}::uuid[]) GROUP BY 1, 2`.execute(db),
    // Each click of the chains these links are in, credited to every ancestor of its link.
    sql<{ id: string; reach: number }>`
      WITH RECURSIVE up(link_id, ancestor_id, n) AS (
        SELECT l.id, l.id, 0 FROM share_links l
        WHERE l.org_id = ${orgId} AND l.origin_id IN (SELECT o.origin_id FROM share_links o WHERE o.org_id = ${orgId} AND o.id = ANY(${ids}::uuid[]))
        UNION ALL
        SELECT up.link_id, p.parent_id, up.n + 1 FROM up JOIN share_links p ON p.id = up.ancestor_id AND p.org_id = ${orgId}
        WHERE p.parent_id IS NOT NULL AND up.n < ${MAX_CHAIN_DEPTH + 1}
      )
      SELECT up.ancestor_id AS id, count(DISTINCT c.day::text || c.visitor_hash)::int AS reach
      FROM up JOIN share_clicks c ON c.link_id = up.link_id AND c.org_id = ${orgId} AND NOT c.bot
      WHERE up.ancestor_id = ANY(${ids}::uuid[]) GROUP BY 1`.execute(db),
    sql<{ id: string; n: number }>`
      SELECT l.parent_id AS id, count(*)::int AS n FROM share_links l WHERE l.org_id = ${orgId} AND l.parent_id = ANY(${ids}::uuid[]) GROUP BY 1`.execute(db),
  ]);
  for (const r of clicks.rows) Object.assign(out.get(r.id)!, { clicks: r.clicks, visitors: r.visitors, botClicks: r.bots });
  for (const r of conversions.rows) out.get(r.id)!.conversions[r.kind] = r.n;
  for (const r of reach.rows) out.get(r.id)!.reach = r.reach;
  for (const r of children.rows) out.get(r.id)!.children = r.n;
  return out;
}

export interface LinkListFilters {
  targetKind?: ShareTargetKind;
  channel?: ShareChannel;
  /** Disabled links too (default: only live ones). */
  disabled?: boolean;
  /** One link only (its view after a change). */
  only?: string;
  limit: number;
  offset: number;
}

export interface LinkListRow {
  id: string;
  code: string;
  targetKind: ShareTargetKind;
  targetId: string | null;
  targetUrl: string | null;
  channel: ShareChannel | null;
  label: string;
  /** The target's own name (a story's title, a programme's name); null for an article or a target gone. */
  targetName: string | null;
  byPatient: boolean;
  ownerUserName: string | null;
  parentId: string | null;
  originId: string;
  depth: number;
  disabledAt: Date | null;
  createdAt: Date;
}

/** The organisation's links, newest first, with what they point at (no patient names: a link a patient made says only that). */
export async function findLinks(db: Db, orgId: string, f: LinkListFilters): Promise<{ items: LinkListRow[]; total: number }> {
  let query = db.selectFrom('share_links as l').where('l.org_id', '=', orgId);
  if (f.targetKind) query = query.where('l.target_kind', '=', f.targetKind);
  if (f.channel) query = query.where('l.channel', '=', f.channel);
  if (!f.disabled) query = query.where('l.disabled_at', 'is', null);
  if (f.only) query = query.where('l.id', '=', f.only);
  const [rows, total] = await Promise.all([
    query
      .leftJoin('users as u', (j) => j.onRef('u.id', '=', 'l.owner_user_id').on('u.org_id', '=', orgId))
      .leftJoin('stories as s', (j) => j.onRef('s.id', '=', 'l.target_id').on('s.org_id', '=', orgId).on('l.target_kind', '=', 'story'))
      .leftJoin('referral_programmes as rp', (j) => j.onRef('rp.id', '=', 'l.target_id').on('rp.org_id', '=', orgId).on('l.target_kind', '=', 'referral'))
      .leftJoin('survey_links as sl', (j) => j.onRef('sl.id', '=', 'l.target_id').on('sl.org_id', '=', orgId).on('l.target_kind', '=', 'survey'))
      .leftJoin('surveys as sv', (j) => j.onRef('sv.id', '=', 'sl.survey_id').on('sv.org_id', '=', orgId))
      .select([
        'l.id',
        'l.code',
        'l.target_kind',
        'l.target_id',
        'l.target_url',
        'l.channel',
        'l.label',
        'l.owner_patient_id',
        'u.name as owner_user_name',
        'l.parent_id',
        'l.origin_id',
        'l.depth',
        'l.disabled_at',
        'l.created_at',
      ])
      .select((eb) => eb.fn.coalesce('s.title', 'rp.name', 'sv.name').as('target_name'))
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      code: r.code,
      targetKind: r.target_kind,
      targetId: r.target_id,
      targetUrl: r.target_url,
      channel: r.channel,
      label: r.label,
      targetName: r.target_name ?? null,
      byPatient: r.owner_patient_id !== null,
      ownerUserName: r.owner_user_name ?? null,
      parentId: r.parent_id,
      originId: r.origin_id ?? r.id,
      depth: r.depth,
      disabledAt: r.disabled_at,
      createdAt: r.created_at,
    })),
  };
}
