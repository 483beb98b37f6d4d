import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { getShareLink } from './share-links.ts';
import { noConversions, type ConversionCounts } from './link-figures.ts';
import type { ConversionKind, ShareChannel, ShareTargetKind } from './sharing.vocab.ts';

/**
 * The propagation path of one origin: who shared (a link) → who clicked (its visitors) → who came
 * (the patients it converted) → what they shared next (their own links, children of the link they
 * came by) → … Conversions are credited along the chain: a link's own are `direct`, those of every
 * share below it are `via` shares. Reach is the unique human visitors of the whole subtree.
 */

export interface PropagationNode {
  /** A link's id, or `<linkId>:<n>` for the n-th patient who came by that link. */
  id: string;
  parentId: string | null;
  kind: 'link' | 'patient';
  /** Links: the code, channel, label and target; null on patient nodes. */
  code: string | null;
  channel: ShareChannel | null;
  label: string;
  targetKind: ShareTargetKind;
  /** The link's depth in the chain (0 = the origin); a patient sits at their link's depth. */
  depth: number;
  /** A link a patient made (their re-share or referral link). */
  byPatient: boolean;
  clicks: number;
  visitors: number;
  botClicks: number;
  /** Unique human visitors of this link and everything below it. */
  reach: number;
  /** Conversions by visitors of this very link (a patient node: what that patient did). */
  direct: number;
  /** Conversions of the shares below this link. */
  via: number;
  conversions: ConversionCounts;
  /** A patient node: how many links they made from the link they came by. */
  sharedNext: number;
}

export interface OriginSummary {
  id: string;
  code: string;
  label: string;
  channel: ShareChannel | null;
  targetKind: ShareTargetKind;
  createdAt: Date;
  disabled: boolean;
  /** How many links the chain holds (the origin included). */
  links: number;
  /** The deepest share below the origin (0: no one shared it on). */
  depth: number;
  reach: number;
  conversions: number;
  /** Conversions on the origin itself; the rest came via shares. */
  direct: number;
  /** Converted patients who made their own link from the one they came by. */
  referredNext: number;
}

export interface Propagation {
  origin: OriginSummary;
  nodes: PropagationNode[];
}

type OriginRow = Omit<OriginSummary, 'disabled'> & { disabledAt: Date | null };

const originColumns = sql`o.id, o.code, o.label, o.channel, o.target_kind AS "targetKind", o.created_at AS "createdAt", o.disabled_at AS "disabledAt",
  f.links, f.depth, f.reach, f.conversions, f.direct, f.referred_next AS "referredNext"`;

function originFigures(orgId: string) {
  return sql`LEFT JOIN LATERAL (
    SELECT
      (SELECT count(*)::int FROM share_links l WHERE l.org_id = ${orgId} AND l.origin_id = o.id) AS links,
      (SELECT coalesce(max(l.depth), o.depth)::int - o.depth FROM share_links l WHERE l.org_id = ${orgId} AND l.origin_id = o.id) AS depth,
      (SELECT count(DISTINCT c.day::text || c.visitor_hash)::int FROM share_clicks c JOIN share_links l ON l.id = c.link_id
        WHERE c.org_id = ${orgId} AND l.origin_id = o.id AND NOT c.bot) AS reach,
      (SELECT count(*)::int FROM share_conversions v JOIN share_links l ON l.id = v.link_id WHERE v.org_id = ${orgId} AND l.origin_id = o.id) AS conversions,
      (SELECT count(*)::int FROM share_conversions v WHERE v.org_id = ${orgId} AND v.link_id = o.id) AS direct,
      (SELECT count(DISTINCT v.patient_id)::int FROM share_conversions v JOIN share_links l ON l.id = v.link_id
        WHERE v.org_id = ${orgId} AND l.origin_id = o.id AND v.patient_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM share_links k WHERE k.org_id = ${orgId} AND k.parent_id = v.link_id AND k.owner_patient_id = v.patient_id)) AS referred_next
  ) f ON true`;
}

const toSummary = ({ disabledAt, ...r }: OriginRow): OriginSummary => ({ ...r, disabled: disabledAt !== null });

/** The organisation's origins (links nobody's link led to), the widest reach first, then the newest. */
export async function findOrigins(db: Db, orgId: string, options: { limit: number; withEmpty?: boolean }): Promise<OriginSummary[]> {
  const rows = await sql<OriginRow>`
    SELECT ${originColumns} FROM share_links o ${originFigures(orgId)}
    WHERE o.org_id = ${orgId} AND o.origin_id = o.id ${options.withEmpty ? sql`` : sql`AND (f.reach > 0 OR f.links > 1 OR f.conversions > 0)`}
    ORDER BY f.reach DESC, f.links DESC, o.created_at DESC, o.id LIMIT ${options.limit}`.execute(db);
  return rows.rows.map(toSummary);
}

/** The tree of the chain a link is in (its origin's), 404 for another organisation's link. */
export async function loadPropagation(db: Db, orgId: string, linkId: string): Promise<Propagation> {
  const link = await getShareLink(db, orgId, linkId);
  const originId = link.originId;
  const [origin, links, clicks, conversions] = await Promise.all([
    sql<OriginRow>`SELECT ${originColumns} FROM share_links o ${originFigures(orgId)} WHERE o.org_id = ${orgId} AND o.id = ${originId}`.execute(db),
    db
      .selectFrom('share_links')
      .select(['id', 'code', 'channel', 'label', 'target_kind', 'depth', 'parent_id', 'owner_patient_id', 'created_at'])
      .where('org_id', '=', orgId)
      .where('origin_id', '=', originId)
      .orderBy('depth')
      .orderBy('created_at')
      .execute(),
    sql<{ linkId: string; visitor: string; bot: boolean; n: number }>`
      SELECT c.link_id AS "linkId", c.day::text || c.visitor_hash AS visitor, c.bot, count(*)::int AS n
      FROM share_clicks c JOIN share_links l ON l.id = c.link_id
      WHERE c.org_id = ${orgId} AND l.origin_id = ${originId} GROUP BY 1, 2, 3`.execute(db),
    sql<{ linkId: string; patientId: string | null; kind: ConversionKind }>`
      SELECT v.link_id AS "linkId", v.patient_id AS "patientId", v.kind
      FROM share_conversions v JOIN share_links l ON l.id = v.link_id
      WHERE v.org_id = ${orgId} AND l.origin_id = ${originId} ORDER BY v.at, v.id`.execute(db),
  ]);
  // Every node, a link or a patient who came by one, starts with nothing counted.
  const noCounts = () => ({ clicks: 0, visitors: 0, botClicks: 0, reach: 0, direct: 0, via: 0, conversions: noConversions(), sharedNext: 0 });
  const linkNodes = new Map<string, PropagationNode & { seen: Set<string> }>();
  for (const l of links) {
    linkNodes.set(l.id, {
      id: l.id,
      parentId: l.parent_id,
      kind: 'link',
      code: l.code,
      channel: l.channel,
      label: l.label,
      targetKind: l.target_kind,
      depth: l.depth,
      byPatient: l.owner_patient_id !== null,
      ...noCounts(),
      seen: new Set(),
    });
  }
  for (const c of clicks.rows) {
    const node = linkNodes.get(c.linkId);
    if (!node) continue;
    if (c.bot) node.botClicks += c.n;
    else {
      node.clicks += c.n;
      node.seen.add(c.visitor);
    }
  }
  for (const node of linkNodes.values()) node.visitors = node.seen.size;
  // The patients who came by each link, in the order they came; their own links hang below them.
  const patients = new Map<string, PropagationNode>();
  for (const v of conversions.rows) {
    const node = linkNodes.get(v.linkId);
    if (!node) continue;
    node.direct++;
    node.conversions[v.kind]++;
    if (!v.patientId) continue;
    const key = `${v.linkId}|${v.patientId}`;
    let p = patients.get(key);
    if (!p) {
      p = {
        ...node,
        id: `${v.linkId}:${patients.size + 1}`,
        parentId: v.linkId,
        kind: 'patient',
        code: null,
        byPatient: true,
        ...noCounts(),
      };
      delete (p as Partial<typeof node>).seen;
      patients.set(key, p);
    }
    p.direct++;
    p.conversions[v.kind]++;
  }
  for (const l of links) {
    const p = l.parent_id && l.owner_patient_id ? patients.get(`${l.parent_id}|${l.owner_patient_id}`) : undefined;
    if (p) {
      p.sharedNext++;
      linkNodes.get(l.id)!.parentId = p.id;
    }
  }
  // Bottom-up (deepest first, the later of equal depths first: the chain's depth stops growing at its cap): each link's subtree visitors and conversions credited to its ancestors.
  const parentLink = (id: string | null): string | null => {
    if (!id) return null;
    if (linkNodes.has(id)) return id;
    return [...patients.values()].find((p) => p.id === id)?.parentId ?? null;
  };
  const made = new Map(links.map((l) => [l.id, l.created_at.getTime()]));
  const deepestFirst = [...linkNodes.values()].sort((a, b) => b.depth - a.depth || made.get(b.id)! - made.get(a.id)!);
  for (const node of deepestFirst) {
    const up = parentLink(node.parentId);
    const parent = up ? linkNodes.get(up) : undefined;
    if (!parent) continue;
    for (const v of node.seen) parent.seen.add(v);
    parent.via += node.direct + node.via;
  }
  // Union of subtree sets happened into `seen`; reach is read after every child has been merged in.
  for (const node of linkNodes.values()) node.reach = node.seen.size;
  const nodes: PropagationNode[] = [];
  for (const { seen, ...node } of linkNodes.values()) {
    void seen;
    nodes.push(node);
  }
  nodes.push(...patients.values());
  return { origin: toSummary(origin.rows[0]!), nodes };
}
