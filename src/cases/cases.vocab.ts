/**
 * The vocabulary of cases and the pure rules over it: tiers, statuses, the workflow table, when a
 * case may close and when its clock is "due soon". Pure (no zod, no database, no Node APIs): the
 * web imports it too, so the board and the server cannot disagree.
 */

export const TIERS = ['general', 'major', 'malicious'] as const;
export type Tier = (typeof TIERS)[number];

export const CASE_STATUSES = ['new', 'acknowledged', 'investigating', 'handling', 'responded', 'repairing', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const SLA_STATES = ['ok', 'due_soon', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const HANDLING_TYPES = ['apology', 'compensation', 'rectification'] as const;
export type HandlingType = (typeof HANDLING_TYPES)[number];

export const ACTION_KINDS = ['corrective', 'preventive'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Every kind of timeline entry (`case_events.type`); each has a name in cases.messages.ts. */
export const CASE_EVENT_TYPES = [
  'opened',
  'status',
  'assigned',
  'handling',
  'action_added',
  'action_status',
  'closed',
  'reopened',
  'mention_added',
  'escalated',
  'reply_drafted',
  'reply_approved',
  'reply_posted',
  'mention_removed',
  'team_changed',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** How a closed case ended: resolved (root cause and action), or a duplicate of the case that carries on. */
export const CASE_OUTCOMES = ['resolved', 'duplicate'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The three teams every organisation starts with, one per tier; named by code (cases.messages.ts `team.<tier>`) until renamed. */
export const DEFAULT_TEAMS = ['general', 'major', 'malicious'] as const satisfies readonly Tier[];
export type DefaultTeam = (typeof DEFAULT_TEAMS)[number];

/** Ways the case list can be ordered: by the current SLA due time (soonest first), by opening (newest first) or by number (newest first). */
export const CASE_SORTS = ['due', 'opened', 'number'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** Ready-made queues of the case list. */
export const CASE_QUEUES = ['my_team_unassigned'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/** Escalation levels above 0 and whom each reaches; the timeline keeps these words in `data.to`. */
export const ESCALATION_TARGETS = ['', 'department head', 'leadership'] as const;
export type EscalationLevel = 1 | 2;

/** The days of a location's working week, in the order of Date.getUTCDay(). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Which due time a case missed. */
export const BREACHES = ['first_response', 'resolution'] as const;
export type Breach = (typeof BREACHES)[number];

/** Risk flags (ids of the analysis taxonomy) that open a major case by themselves. */
export const MAJOR_CASE_RISKS = ['medical_error', 'safety_incident', 'death', 'legal_threat', 'media', 'violence_threat'] as const;

/**
 * The root causes every organisation starts with. The English label is what is stored (and what
 * identifies a default one); each id has a name in cases.messages.ts, so a default root cause is
 * shown in the reader's language while the ones an organisation adds stay as written.
 */
export const DEFAULT_ROOT_CAUSES = [
  { id: 'waiting_time', label: 'Waiting-time process' },
  { id: 'communication', label: 'Communication' },
  { id: 'staff_attitude', label: 'Staff attitude' },
  { id: 'billing', label: 'Billing transparency' },
  { id: 'clinical_quality', label: 'Clinical quality' },
  { id: 'facilities', label: 'Facilities' },
  { id: 'fake_review', label: 'Fake or malicious review' },
  { id: 'other', label: 'Other' },
] as const;
export type DefaultRootCauseId = (typeof DEFAULT_ROOT_CAUSES)[number]['id'];

/** The id of a default root cause stored under this label, or null for one the organisation added. */
export function defaultRootCauseOf(label: string): DefaultRootCauseId | null {
  return DEFAULT_ROOT_CAUSES.find((r) => r.label === label)?.id ?? null;
}

/**
 * The workflow: each status and where it may go next with POST /transition. Closing is its own
 * step (POST /close) because it needs a root cause and an action; reopening likewise (POST /reopen).
 */
export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['acknowledged'],
  acknowledged: ['investigating'],
  investigating: ['handling', 'responded'],
  handling: ['responded'],
  responded: ['repairing'],
  repairing: [],
  closed: [],
};

/** Statuses a case may be closed from; a malicious case may need no public response at all. */
export function closableFrom(tier: Tier): readonly CaseStatus[] {
  return tier === 'malicious' ? ['investigating', 'handling', 'responded', 'repairing'] : ['responded', 'repairing'];
}

/** Why a case may not close yet, in the order the checks are made; null when it may. */
export type CloseBlocker = 'status' | 'root_cause' | 'action';

/**
 * The "may close" rule: from a status its tier may close from, with an active root cause of the
 * organisation, and with at least one corrective or preventive action.
 */
export function closeBlocker(c: { tier: Tier; status: CaseStatus; hasRootCause: boolean; actionCount: number }): CloseBlocker | null {
  if (!closableFrom(c.tier).includes(c.status)) return 'status';
  if (!c.hasRootCause) return 'root_cause';
  if (c.actionCount === 0) return 'action';
  return null;
}

/** An instant as the server (Date) or the web (ISO string, epoch ms) holds it. */
export type Instant = Date | string | number;
const ms = (t: Instant) => (typeof t === 'number' ? t : new Date(t).getTime());

/** The shortest "due soon" stretch: the last quarter hour is always due soon. */
export const DUE_SOON_MIN_MS = 15 * 60_000;
/** "Due soon" is the last fifth of a clock's window. */
export const DUE_SOON_SHARE = 1 / 5;

/**
 * The "due soon" rule: within the last fifth of the window from `windowStart` to `due`, and at
 * least the last quarter hour. Relative to the window, so a 4-hour first response turns amber in
 * its last 48 minutes and a week-long resolution a day and a half before it is due.
 */
export function isDueSoon(due: Instant, windowStart: Instant, now: Instant): boolean {
  const left = ms(due) - ms(now);
  return left >= 0 && left <= Math.max(DUE_SOON_MIN_MS, (ms(due) - ms(windowStart)) * DUE_SOON_SHARE);
}

/** The due time a case is counting down to: first response until it is answered, then resolution; null once closed. */
export function slaTarget<T extends Instant>(c: { status: CaseStatus | string; respondedAt: Instant | null; firstResponseDueAt: T; resolutionDueAt: T }): { kind: Breach; dueAt: T } | null {
  if (c.status === 'closed') return null;
  return c.respondedAt ? { kind: 'resolution', dueAt: c.resolutionDueAt } : { kind: 'first_response', dueAt: c.firstResponseDueAt };
}

/** Where a case stands against its clock at `now`: the first-response due time until it is answered, then the resolution due time. */
export function slaStateOf(
  c: { status: CaseStatus | string; respondedAt: Instant | null; firstResponseDueAt: Instant; resolutionDueAt: Instant; openedAt: Instant },
  now: Instant = Date.now(),
): SlaState {
  const target = slaTarget(c);
  if (!target) return 'ok';
  if (ms(target.dueAt) - ms(now) < 0) return 'breached';
  return isDueSoon(target.dueAt, c.openedAt, now) ? 'due_soon' : 'ok';
}
