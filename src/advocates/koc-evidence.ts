import { sql } from 'kysely';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/database.ts';
import { hasKocSignal, kocScore, KOC_SIGNALS, type KocCounts } from './advocates.vocab.ts';
import { AUTHOR_PLATFORM, CONVERTED, PUBLIC_POSITIVE, reachCounts, type Period } from './koc-signals.ts';
import { collectCounts, latestInvitations, type KocRow } from './koc-list.ts';

/** Evidence items shown per part; the counts are always complete. */
const EVIDENCE_LIMIT = 100;

const zero = (): KocCounts => Object.fromEntries(KOC_SIGNALS.map((s) => [s, 0])) as KocCounts;

/** One patient's score and the items behind each part: converted referrals, their links with each link's reach, the promoter answer. 404 without a signal. */
export async function patientEvidence(db: Db, orgId: string, patientId: string, period: Period) {
  const patient = await db.selectFrom('patients').select(['id', 'name', 'email', 'phone', 'opted_out_at']).where('org_id', '=', orgId).where('id', '=', patientId).executeTakeFirst();
  if (!patient) throw notFound('patient');
  const { patients } = await collectCounts(db, orgId, period, { patientId });
  const found = patients.get(patientId) ?? { counts: zero(), latestNps: null };
  if (!hasKocSignal(found.counts)) throw notFound('patient');
  const { score, parts } = kocScore(found.counts);
  const referrals = await sql<{ id: string; programmeId: string; programmeName: string; status: string; createdAt: Date; visitedAt: Date | null }>`
    SELECT r.id, p.id AS "programmeId", p.name AS "programmeName", r.status, r.created_at AS "createdAt", r.visited_at AS "visitedAt"
    FROM referrals r JOIN referral_programmes p ON p.id = r.programme_id AND p.org_id = r.org_id
    WHERE r.org_id = ${orgId} AND r.referrer_patient_id = ${patientId} AND ${CONVERTED}
      AND r.created_at >= ${period.from}::date AND r.created_at < (${period.to}::date + 1)
    ORDER BY r.created_at DESC LIMIT ${EVIDENCE_LIMIT}`.execute(db);
  const reach = new Map((await reachCounts(db, orgId, period, { patientId, byLink: true })).map((r) => [r.pid, r.n]));
  const links = await db
    .selectFrom('share_links')
    .select(['id', 'code', 'target_kind as targetKind', 'channel', 'label', 'created_at as createdAt', 'disabled_at as disabledAt'])
    .where('org_id', '=', orgId)
    .where('owner_patient_id', '=', patientId)
    .orderBy('created_at', 'desc')
    .limit(EVIDENCE_LIMIT)
    .execute();
  const promoter = await db
    .selectFrom('survey_responses')
    .select(['id', 'nps', 'submitted_at as submittedAt'])
    .where('org_id', '=', orgId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'submitted')
    .where('nps', 'is not', null)
    .where('submitted_at', '<', sql<Date>`(${period.to}::date + 1)`)
    .orderBy('submitted_at', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  const invitation = (await latestInvitations(db, orgId)).get(patientId) ?? null;
  const row: KocRow = {
    kind: 'patient',
    id: patient.id,
    name: patient.name,
    platform: null,
    score,
    parts,
    counts: found.counts,
    promoter: found.counts.promoter > 0,
    latestNps: found.latestNps,
    invitation,
  };
  return {
    advocate: row,
    contact: { hasEmail: Boolean(patient.email), hasPhone: Boolean(patient.phone), optedOut: patient.opted_out_at !== null },
    referrals: referrals.rows,
    links: links.map((l) => ({ ...l, reach: reach.get(l.id) ?? 0 })),
    promoterResponse: promoter ? { id: promoter.id, nps: promoter.nps!, submittedAt: promoter.submittedAt! } : null,
    mentions: [] as AuthorMention[],
  };
}

export interface AuthorMention {
  id: string;
  excerpt: string;
  url: string | null;
  sourceName: string;
  at: Date;
  engagement: number | null;
}

/** One public author's score and their positive mentions. 404 without a signal. */
export async function authorEvidence(db: Db, orgId: string, author: { platform: string; handle: string }, period: Period) {
  const { authors } = await collectCounts(db, orgId, period, { author });
  const key = `${author.platform}:${author.handle}`;
  const found = authors.get(key);
  if (!found || !hasKocSignal(found.counts)) throw notFound('patient');
  const { score, parts } = kocScore(found.counts);
  const mentions = await sql<AuthorMention>`
    SELECT m.id, left(m.text, 280) AS excerpt, m.url, s.name AS "sourceName", coalesce(m.published_at, m.received_at) AS at, m.engagement
    FROM mentions m JOIN sources s ON s.id = m.source_id AND s.org_id = m.org_id
    WHERE m.org_id = ${orgId} AND ${PUBLIC_POSITIVE} AND ${AUTHOR_PLATFORM} = ${author.platform} AND btrim(m.author_handle) = ${author.handle}
      AND coalesce(m.published_at, m.received_at) >= ${period.from}::date AND coalesce(m.published_at, m.received_at) < (${period.to}::date + 1)
    ORDER BY coalesce(m.engagement, 0) DESC, at DESC LIMIT ${EVIDENCE_LIMIT}`.execute(db);
  const invitation = (await latestInvitations(db, orgId)).get(key) ?? null;
  const row: KocRow = { kind: 'author', id: key, name: author.handle, platform: author.platform, score, parts, counts: found.counts, promoter: false, latestNps: null, invitation };
  return { advocate: row, contact: null, referrals: [], links: [], promoterResponse: null, mentions: mentions.rows };
}
