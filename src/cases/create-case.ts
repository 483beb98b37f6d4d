import type { Db } from '../db/database.ts';
import type { Role } from '../core/access.vocab.ts';
import type { PgBoss } from 'pg-boss';
import { AppError, badRequest } from '../core/errors.ts';
import { scopeToViewer, type Viewer } from '../core/viewer.ts';
import { calendarFor, dueTimes, getCaseSettings } from './case-settings.ts';
import { casesMessages, teamName } from './cases.messages.ts';
import { assertOrgUser, recordCaseEvent, type Actor } from './cases.queries.ts';
import type { Tier } from './cases.vocab.ts';
import { nextOnShift } from './auto-assign.ts';
import { auditCase } from './case-audit.ts';
import { notifyCase } from './notify-case.ts';
import { teamForTier } from './teams.ts';

export interface CreateCaseOptions {
  viewer: Viewer;
  actor: Actor;
  mentionIds: string[];
  tier: Tier;
  title?: string;
  assigneeId?: string;
  /** Set by the automatic opening for a risk-flagged mention; at most one such case per mention. */
  autoForMentionId?: string;
  /** Why it was opened (kept on the timeline), e.g. the risk flags. */
  reason?: Record<string, unknown>;
  openedAt?: Date;
}

/** Whom a new case of a tier concerns first. */
const TIER_ROLES: Record<Tier, Role[]> = { general: ['service'], major: ['leadership', 'pr'], malicious: ['pr', 'admin'] };

/**
 * Opens a case on the given mentions inside the caller's transaction and returns its id. The
 * case takes its location and department from its first mention that has one, its team and due
 * times from the tier's settings. Without an assignee it goes round-robin to the next member on
 * shift of its team when the team assigns automatically (a timeline entry, an audit entry and a
 * notification to that person), else it waits unassigned in the team's queue. Throws bad_request when a mention or the assignee is not the
 * organisation's (or not visible to a department-scoped viewer), conflict when a mention is
 * already in an open case.
 */
export async function createCase(trx: Db, boss: PgBoss | null, options: CreateCaseOptions): Promise<string> {
  const { viewer } = options;
  const ids = [...new Set(options.mentionIds)];
  const mentions = await trx
    .selectFrom('mentions as m')
    .leftJoin('departments as d', 'd.id', 'm.department_id')
    .select(['m.id', 'm.text', 'm.location_id', 'm.department_id', 'd.location_id as dept_location'])
    .where('m.org_id', '=', viewer.orgId)
    .where('m.id', 'in', ids)
    .where(scopeToViewer('m.department_id', viewer))
    .execute();
  if (mentions.length !== ids.length) throw badRequest(casesMessages.text('noSuchMention'));
  const ordered = ids.map((id) => mentions.find((m) => m.id === id)!);
  const assignee = options.assigneeId ? await assertOrgUser(trx, viewer.orgId, options.assigneeId, 'assigneeId') : null;
  // One complaint, one open case: a second case would split its timeline and double its clocks.
  const alreadyOpen = await trx
    .selectFrom('case_mentions as cm')
    .innerJoin('cases as c', 'c.id', 'cm.case_id')
    .select(['cm.mention_id', 'c.number'])
    .where('cm.mention_id', 'in', ids)
    .where('c.status', '<>', 'closed')
    .executeTakeFirst();
  if (alreadyOpen) throw new AppError('conflict', casesMessages.text('alreadyInOpenCase', { number: String(alreadyOpen.number) }));

  const departmentId = ordered.find((m) => m.department_id)?.department_id ?? null;
  const located = ordered.find((m) => m.location_id ?? m.dept_location);
  const locationId = located ? (located.location_id ?? located.dept_location) : null;
  const org = await trx.selectFrom('organisations').select('default_locale').where('id', '=', viewer.orgId).executeTakeFirstOrThrow();
  const settings = await getCaseSettings(trx, viewer.orgId, org.default_locale);
  const team = await teamForTier(trx, viewer.orgId, options.tier, settings.tiers[options.tier].teamId);
  // Nobody named: round-robin among the team's members on shift, when the team assigns by itself.
  const picked = assignee ? null : await nextOnShift(trx, viewer.orgId, team.id, departmentId);
  const owner = assignee ?? picked;
  const openedAt = options.openedAt ?? new Date();
  const due = dueTimes(options.tier, settings, await calendarFor(trx, viewer.orgId, settings, locationId), openedAt);
  const counter = await trx
    .insertInto('case_counters')
    .values({ org_id: viewer.orgId, last_number: 1 })
    .onConflict((oc) => oc.column('org_id').doUpdateSet((eb) => ({ last_number: eb('case_counters.last_number', '+', 1) })))
    .returning('last_number')
    .executeTakeFirstOrThrow();
  // Untitled, a case is named by its first mention's opening words; the full text stays on the mention.
  const title = options.title ?? openingWords(ordered[0]!.text, 80);
  const created = await trx
    .insertInto('cases')
    .values({
      org_id: viewer.orgId,
      number: counter.last_number,
      title,
      tier: options.tier,
      team: teamName(org.default_locale, team),
      team_id: team.id,
      assignee_id: owner?.id ?? null,
      location_id: locationId,
      department_id: departmentId,
      origin_mention_id: options.autoForMentionId ?? ids[0]!,
      auto_opened: options.autoForMentionId !== undefined,
      first_response_due_at: due.firstResponseDueAt,
      resolution_due_at: due.resolutionDueAt,
      opened_at: openedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('case_mentions')
    .values(ids.map((mention_id) => ({ case_id: created.id, mention_id })))
    .execute();
  await trx.updateTable('mentions').set({ status: 'in_case' }).where('id', 'in', ids).where('org_id', '=', viewer.orgId).execute();
  await recordCaseEvent(trx, created.id, options.actor, 'opened', { tier: options.tier, mentionIds: ids, auto: options.autoForMentionId !== undefined, ...options.reason });
  const ref = { id: created.id, number: counter.last_number };
  await auditCase(trx, viewer.orgId, options.actor, 'case.opened', ref, {
    after: { tier: options.tier, status: 'new', team: teamName(org.default_locale, team), ...(owner ? { assignee: owner.name } : {}) },
    mentions: ids.length,
  });
  if (owner) {
    await recordCaseEvent(trx, created.id, options.actor, 'assigned', { assigneeId: owner.id, assigneeName: owner.name, ...(picked ? { auto: true, teamId: team.id } : {}) });
    await auditCase(trx, viewer.orgId, options.actor, 'case.assigned', ref, { after: { assignee: owner.name }, ...(picked ? { auto: true, team: teamName(org.default_locale, team) } : {}) });
  }
  await notifyCase(boss, trx, {
    orgId: viewer.orgId,
    // The tier is a code too, so each recipient reads it in their language.
    title: { code: casesMessages.text('notify.opened').code, params: { number: String(counter.last_number), tier: casesMessages.text(`tier.${options.tier}`) } },
    text: title,
    url: `/cases/${created.id}`,
    roles: TIER_ROLES[options.tier],
    userIds: owner ? [owner.id] : [],
    urgent: options.tier === 'major',
  });
  return created.id;
}

/** Opens a case by hand, in a transaction of its own; throws as createCase does. */
export async function openCase(db: Db, boss: PgBoss | null, options: CreateCaseOptions): Promise<string> {
  return db.transaction().execute((trx) => createCase(trx, boss, options));
}

/** A text's opening words on one line, at most `max` characters with the ellipsis. */
export function openingWords(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
