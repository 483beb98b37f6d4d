import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/database.ts';
import { surveyReportsMessages } from './survey-reports.messages.ts';

/** The longest period a report covers. */
export const MAX_PERIOD_DAYS = 1100;
const DEFAULT_DAYS = 90;
const DAY_MS = 86_400_000;

export interface Period {
  from: string;
  to: string;
  timezone: string;
}

/** Today as YYYY-MM-DD in a time zone. */
function today(timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * The period of a report in whole days of the organisation's time zone, both ends included: by
 * default the 90 days up to today. A start after the end, or a period over MAX_PERIOD_DAYS, is
 * refused with a message naming it.
 */
export async function resolvePeriod(db: Db, orgId: string, query: { from?: string | undefined; to?: string | undefined }): Promise<Period> {
  const org = await db.selectFrom('organisations').select('timezone').where('id', '=', orgId).executeTakeFirstOrThrow();
  const timezone = org.timezone;
  const to = query.to ?? (query.from ? addDays(query.from, DEFAULT_DAYS - 1) : today(timezone));
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) throw badRequest(surveyReportsMessages.text('fromAfterTo', { from, to }));
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) throw badRequest(surveyReportsMessages.text('periodTooLong', { days: MAX_PERIOD_DAYS }));
  return { from, to, timezone };
}

/** `column` (a timestamptz) falls inside the period's days in its time zone. */
export function inPeriod(column: string, p: Period): RawBuilder<SqlBool> {
  const col = sql.ref(column);
  return sql<SqlBool>`(${col} >= (${p.from}::date::timestamp AT TIME ZONE ${p.timezone}) AND ${col} < ((${p.to}::date + 1)::timestamp AT TIME ZONE ${p.timezone}))`;
}
