import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { DEFAULT_LOCALE, type Locale } from '../core/i18n.ts';
import type { Viewer } from '../core/viewer.ts';
import { baseQuery, toView } from './cases.queries.ts';
import type { CaseFiltersType, CaseViewType } from './cases.schemas.ts';
import { teamIdsOf } from './teams.ts';

export interface CasePage {
  items: CaseViewType[];
  /** How many cases match the filters, over all pages. */
  total: number;
  /** For sort=number: the cursor of the next page; null on the last page or for the other sorts. */
  nextCursor: string | null;
  /** The offset of the next page, null on the last one. */
  nextOffset: number | null;
}

/**
 * A page of the cases the viewer may see, filtered (status or `open`, tier, team, assignee incl.
 * `me` and `unassigned`, location, source, words of the title or a number, the queue "unassigned
 * in my team"), sorted by the current SLA due time (soonest first, closed cases last), by opening
 * or by number (newest first), with the total. Each filter and sort is served by an index of
 * the teams migration, so 10,000 open cases stay fast.
 */
export async function findCases(db: Db, viewer: Viewer & { userId: string }, filters: CaseFiltersType, locale: Locale = DEFAULT_LOCALE): Promise<CasePage> {
  let query = baseQuery(db, viewer);
  if (filters.status === 'open') query = query.where('c.status', '<>', 'closed');
  else if (filters.status) query = query.where('c.status', '=', filters.status);
  if (filters.tier) query = query.where('c.tier', '=', filters.tier);
  if (filters.team) query = query.where('c.team_id', '=', filters.team);
  if (filters.assignee === 'unassigned') query = query.where('c.assignee_id', 'is', null);
  else if (filters.assignee) query = query.where('c.assignee_id', '=', filters.assignee === 'me' ? viewer.userId : filters.assignee);
  if (filters.location) query = query.where('c.location_id', '=', filters.location);
  if (filters.source) {
    const source = filters.source;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('case_mentions as sm').innerJoin('mentions as smm', 'smm.id', 'sm.mention_id').select('sm.mention_id').whereRef('sm.case_id', '=', 'c.id').where('smm.source_id', '=', source)),
    );
  }
  if (filters.q) {
    const number = /^#?(\d{1,9})$/.exec(filters.q);
    const like = `%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = number ? query.where((eb) => eb.or([eb('c.number', '=', Number(number[1])), eb('c.title', 'ilike', like)])) : query.where('c.title', 'ilike', like);
  }
  if (filters.queue === 'my_team_unassigned') {
    const teams = await teamIdsOf(db, viewer.userId);
    query = query.where('c.status', '<>', 'closed').where('c.assignee_id', 'is', null);
    query = teams.length ? query.where('c.team_id', 'in', teams) : query.where(sql<boolean>`false`);
  }
  const counted = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(counted.n);
  if (filters.sort === 'number' && filters.cursor) query = query.where('c.number', '<', Number(filters.cursor));
  if (filters.sort === 'due') query = query.orderBy(sql`c.due_at ASC NULLS LAST`).orderBy('c.number', 'asc');
  else if (filters.sort === 'opened') query = query.orderBy('c.opened_at', 'desc').orderBy('c.number', 'desc');
  else query = query.orderBy('c.number', 'desc');
  const offset = filters.sort === 'number' && filters.cursor ? 0 : filters.offset;
  const rows = await query
    .limit(filters.limit + 1)
    .offset(offset)
    .execute();
  const page = rows.slice(0, filters.limit);
  const more = rows.length > filters.limit;
  const now = new Date();
  return {
    items: page.map((r) => toView(r, now, locale)),
    total,
    nextCursor: more && filters.sort === 'number' ? String(page[page.length - 1]!.number) : null,
    nextOffset: more && !(filters.sort === 'number' && filters.cursor) ? offset + filters.limit : null,
  };
}
