import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/** Test fixtures of the dashboards: organisation units, sources and analysed mentions written straight into the tables. */

export async function insertDepartment(db: Db, orgId: string, name: string): Promise<string> {
  return (
    await db
      .insertInto('departments')
      .values({ org_id: orgId, name, code: name.toLowerCase().replace(/\W+/g, '-') })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertLocation(db: Db, orgId: string, name: string): Promise<string> {
  return (
    await db
      .insertInto('locations')
      .values({ org_id: orgId, name, code: name.toLowerCase().replace(/\W+/g, '-') })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertSource(db: Db, orgId: string, name: string, competitor: string | null = null): Promise<string> {
  return (await db.insertInto('sources').values({ org_id: orgId, name, kind: 'file', platform: 'dianping', competitor }).returning('id').executeTakeFirstOrThrow()).id;
}

export interface FixtureMention {
  sourceId: string;
  at: string;
  departmentId?: string | null;
  locationId?: string | null;
  rating?: number | null;
  /** Analysed with this sentiment; undefined: not analysed yet. */
  sentiment?: 'positive' | 'neutral' | 'negative' | 'mixed';
  aspects?: { aspect: string; polarity: 'positive' | 'neutral' | 'negative' }[];
  risks?: string[];
  status?: 'new' | 'triaged' | 'dismissed';
  text?: string;
}

let counter = 0;

/** Inserts mentions as the ingest and the analysis would leave them (the inbox's filter columns included). */
export async function insertMentions(db: Db, orgId: string, mentions: FixtureMention[]): Promise<string[]> {
  if (!mentions.length) return [];
  const rows = mentions.map((m) => {
    const key = `fx-${++counter}`;
    const analysed = m.sentiment !== undefined;
    const aspects = m.aspects ?? [];
    return {
      org_id: orgId,
      source_id: m.sourceId,
      kind: 'review' as const,
      external_key: key,
      content_hash: key,
      text: m.text ?? `mention ${key}`,
      published_at: m.at,
      location_id: m.locationId ?? null,
      department_id: m.departmentId ?? null,
      rating: m.rating ?? null,
      status: m.status ?? 'new',
      analysis: analysed
        ? JSON.stringify({
            lang: 'zh',
            sentiment: { label: m.sentiment, score: 0, confidence: 1 },
            aspects: aspects.map((a) => ({ ...a, span: [0, 1] })),
            risks: (m.risks ?? []).map((risk) => ({ risk, span: [0, 1], cue: '', confidence: 1 })),
            staff: [],
            authenticity: { score: 1, signals: [] },
            ratingConflict: false,
            riskThreshold: 0.9,
            modelVersion: 'fixture',
          })
        : null,
      analysed_at: analysed ? new Date() : null,
      sentiment: m.sentiment ?? null,
      aspects: analysed ? [...new Set(aspects.flatMap((a) => [a.aspect, `${a.aspect}:${a.polarity}`]))] : null,
      risks: analysed ? (m.risks ?? []) : null,
    };
  });
  const inserted = await db.insertInto('mentions').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

/** The rollups as a direct GROUP BY over the mentions (what the refresh must equal); `negative` counts the complaints, negative or mixed. */
export async function directRollups(db: Db, orgId: string) {
  const mentions = await sql<Record<string, unknown>>`
    SELECT (coalesce(m.published_at, m.received_at) AT TIME ZONE o.timezone)::date::text AS day, m.location_id, m.department_id, m.source_id,
      count(*)::int AS total, count(*) FILTER (WHERE sentiment = 'positive')::int AS positive, count(*) FILTER (WHERE sentiment = 'neutral')::int AS neutral,
      count(*) FILTER (WHERE sentiment IN ('negative', 'mixed'))::int AS negative, count(*) FILTER (WHERE analysed_at IS NULL)::int AS unanalysed,
      count(*) FILTER (WHERE cardinality(risks) > 0)::int AS risky, coalesce(sum(rating), 0)::float8 AS rating_sum, count(rating)::int AS rating_count
    FROM mentions m JOIN organisations o ON o.id = m.org_id WHERE m.org_id = ${orgId} AND m.status <> 'dismissed'
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`.execute(db);
  const aspects = await sql<Record<string, unknown>>`
    SELECT (coalesce(m.published_at, m.received_at) AT TIME ZONE o.timezone)::date::text AS day, m.location_id, m.department_id, m.source_id, a.aspect,
      count(*)::int AS total,
      count(*) FILTER (WHERE NOT (m.aspects @> ARRAY[a.aspect || ':negative']) AND m.aspects @> ARRAY[a.aspect || ':positive'])::int AS positive,
      count(*) FILTER (WHERE NOT (m.aspects @> ARRAY[a.aspect || ':negative']) AND NOT (m.aspects @> ARRAY[a.aspect || ':positive']))::int AS neutral,
      count(*) FILTER (WHERE m.aspects @> ARRAY[a.aspect || ':negative'])::int AS negative
    FROM mentions m JOIN organisations o ON o.id = m.org_id CROSS JOIN LATERAL unnest(m.aspects) AS a(aspect)
    WHERE m.org_id = ${orgId} AND m.status <> 'dismissed' AND position(':' in a.aspect) = 0
    GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  return { mentions: mentions.rows, aspects: aspects.rows };
}

/** The stored rollups, in the same shape and order as directRollups. */
export async function storedRollups(db: Db, orgId: string) {
  const mentions = await sql<Record<string, unknown>>`
    SELECT day::text AS day, location_id, department_id, source_id, sum(total)::int AS total, sum(positive)::int AS positive, sum(neutral)::int AS neutral, sum(negative)::int AS negative,
      sum(unanalysed)::int AS unanalysed, sum(risky)::int AS risky, sum(rating_sum)::float8 AS rating_sum, sum(rating_count)::int AS rating_count
    FROM mention_rollups WHERE org_id = ${orgId} GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`.execute(db);
  const aspects = await sql<Record<string, unknown>>`
    SELECT day::text AS day, location_id, department_id, source_id, aspect, sum(total)::int AS total, sum(positive)::int AS positive, sum(neutral)::int AS neutral, sum(negative)::int AS negative
    FROM mention_aspect_rollups WHERE org_id = ${orgId} GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`.execute(db);
  return { mentions: mentions.rows, aspects: aspects.rows };
}
