import type { Db } from '../db/database.ts';
import {
  hasKocSignal,
  kocScore,
  KOC_PAGE_SIZE,
  KOC_SIGNALS,
  PROMOTER_MIN_NPS,
  type AdvocateInviteChannel,
  type AdvocateInviteStatus,
  type AdvocateKind,
  type KocCounts,
  type KocSignal,
} from './advocates.vocab.ts';
import { authorCounts, latestNps, reachCounts, referralCounts, shareCounts, type Period } from './koc-signals.ts';

/** The id of a public author in the API and in `advocate_invitations.author_handle`: `<platform>:<handle>`. */
export const authorKey = (platform: string, handle: string): string => `${platform}:${handle}`;

/** The platform and handle of an author key; null when it is not one. */
export function parseAuthorKey(key: string): { platform: string; handle: string } | null {
  const at = key.indexOf(':');
  if (at <= 0 || at === key.length - 1) return null;
  return { platform: key.slice(0, at), handle: key.slice(at + 1) };
}

export interface InvitationSummary {
  id: string;
  status: AdvocateInviteStatus;
  channel: AdvocateInviteChannel;
  invitedAt: Date;
}

export interface KocRow {
  kind: AdvocateKind;
  /** The patient's id, or the author's key. */
  id: string;
  name: string;
  platform: string | null;
  score: number;
  parts: Record<KocSignal, number>;
  counts: KocCounts;
  promoter: boolean;
  latestNps: number | null;
  invitation: InvitationSummary | null;
}

const zero = (): KocCounts => Object.fromEntries(KOC_SIGNALS.map((s) => [s, 0])) as KocCounts;

/** The current invitation of each patient and author (the newest), with an open one past its date read as expired. */
export async function latestInvitations(db: Db, orgId: string): Promise<Map<string, InvitationSummary>> {
  const rows = await db
    .selectFrom('advocate_invitations')
    .select(['id', 'kind', 'patient_id', 'author_handle', 'status', 'channel', 'invited_at', 'expires_at'])
    .where('org_id', '=', orgId)
    .orderBy('invited_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const out = new Map<string, InvitationSummary>();
  const now = new Date();
  for (const r of rows) {
    const key = r.kind === 'patient' ? r.patient_id! : r.author_handle!;
    const status = r.status === 'invited' && r.expires_at <= now ? 'expired' : r.status;
    out.set(key, { id: r.id, status, channel: r.channel, invitedAt: r.invited_at });
  }
  return out;
}

/** The counts of every patient and author with a signal in the period (or of one of them). */
export async function collectCounts(db: Db, orgId: string, period: Period, only?: { patientId?: string; author?: { platform: string; handle: string } }) {
  const patients = new Map<string, { counts: KocCounts; latestNps: number | null }>();
  const authors = new Map<string, { platform: string; handle: string; counts: KocCounts }>();
  if (!only?.author) {
    const pid = only?.patientId;
    const of = (id: string) => {
      let p = patients.get(id);
      if (!p) patients.set(id, (p = { counts: zero(), latestNps: null }));
      return p;
    };
    const [referrals, shares, reach, nps] = await Promise.all([
      referralCounts(db, orgId, period, pid),
      shareCounts(db, orgId, period, pid),
      reachCounts(db, orgId, period, { patientId: pid }),
      latestNps(db, orgId, period, pid),
    ]);
    for (const r of referrals) of(r.pid).counts.referrals_converted = r.n;
    for (const r of shares) of(r.pid).counts.shares = r.n;
    for (const r of reach) of(r.pid).counts.share_reach = r.n;
    for (const r of nps) {
      // A detractor or passive answer is not a signal of its own; it only shows beside other signals.
      if (r.nps >= PROMOTER_MIN_NPS) of(r.pid).counts.promoter = 1;
      const p = patients.get(r.pid);
      if (p) p.latestNps = r.nps;
    }
  }
  if (!only?.patientId) {
    for (const a of await authorCounts(db, orgId, period, only?.author)) {
      authors.set(authorKey(a.platform, a.handle), { platform: a.platform, handle: a.handle, counts: { ...zero(), positive_mentions: a.n, mention_engagement: a.engagement } });
    }
  }
  return { patients, authors };
}

/** The ranked list: every patient and author with a signal, best first, one page of KOC_PAGE_SIZE. */
export async function kocList(db: Db, orgId: string, input: Period & { kind?: AdvocateKind; page: number }): Promise<{ items: KocRow[]; total: number; page: number; pageSize: number }> {
  const { patients, authors } = await collectCounts(db, orgId, input);
  const invitations = await latestInvitations(db, orgId);
  const ids = [...patients.keys()];
  const names = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const rows = await db.selectFrom('patients').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', chunk).execute();
    for (const r of rows) names.set(r.id, r.name);
  }
  const rows: KocRow[] = [];
  if (input.kind !== 'author') {
    for (const [id, p] of patients) {
      if (!hasKocSignal(p.counts) || !names.has(id)) continue;
      const { score, parts } = kocScore(p.counts);
      rows.push({
        kind: 'patient',
        id,
        name: names.get(id)!,
        platform: null,
        score,
        parts,
        counts: p.counts,
        promoter: p.counts.promoter > 0,
        latestNps: p.latestNps,
        invitation: invitations.get(id) ?? null,
      });
    }
  }
  if (input.kind !== 'patient') {
    for (const [id, a] of authors) {
      if (!hasKocSignal(a.counts)) continue;
      const { score, parts } = kocScore(a.counts);
      rows.push({ kind: 'author', id, name: a.handle, platform: a.platform, score, parts, counts: a.counts, promoter: false, latestNps: null, invitation: invitations.get(id) ?? null });
    }
  }
  rows.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const start = (input.page - 1) * KOC_PAGE_SIZE;
  return { items: rows.slice(start, start + KOC_PAGE_SIZE), total: rows.length, page: input.page, pageSize: KOC_PAGE_SIZE };
}
