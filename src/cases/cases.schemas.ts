import { z } from 'zod';
import { WEEKDAYS } from './business-hours.ts';
import { ACTION_KINDS, ACTION_STATUSES, CASE_OUTCOMES, CASE_QUEUES, CASE_SORTS, CASE_STATUSES, HANDLING_TYPES, SLA_STATES, TIERS } from './cases.vocab.ts';

export const CaseView = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  tier: z.enum(TIERS),
  status: z.enum(CASE_STATUSES),
  team: z.string(),
  teamId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  mentionIds: z.array(z.string()),
  locationId: z.string().nullable(),
  departmentId: z.string().nullable(),
  firstResponseDueAt: z.date(),
  resolutionDueAt: z.date(),
  respondedAt: z.date().nullable(),
  slaState: z.enum(SLA_STATES),
  escalationLevel: z.number(),
  rootCause: z.string().nullable(),
  openedAt: z.date(),
  closedAt: z.date().nullable(),
  /** The due time the case counts down to now (first response until answered, then resolution); null once closed. */
  dueAt: z.date().nullable(),
  outcome: z.enum(CASE_OUTCOMES).nullable(),
  duplicateOfId: z.string().nullable(),
});
export type CaseViewType = z.infer<typeof CaseView>;

export const TimelineEntryView = z.object({ id: z.string(), at: z.date(), actorName: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) });
export const HandlingView = z.object({ id: z.string(), type: z.enum(HANDLING_TYPES), note: z.string(), amount: z.number().nullable(), at: z.date() });
const Share = z.object({ negativeShare: z.number().nullable(), n: z.number() });
export const ActionEffectView = z.object({ aspect: z.string(), days: z.number(), before: Share, after: Share });
export type ActionEffect = z.infer<typeof ActionEffectView>;
export const ActionView = z.object({
  id: z.string(),
  kind: z.enum(ACTION_KINDS),
  description: z.string(),
  aspect: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueAt: z.date(),
  status: z.enum(ACTION_STATUSES),
  doneAt: z.date().nullable(),
  effect: ActionEffectView.nullable(),
});
export type ActionViewType = z.infer<typeof ActionView>;

export const CaseFilters = z.object({
  /** A status, or `open` for every status but closed. */
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  tier: z.enum(TIERS).optional(),
  team: z.uuid().optional(),
  /** A user's id, `me`, or `unassigned`. */
  assignee: z.enum(['me', 'unassigned']).or(z.uuid()).optional(),
  location: z.uuid().optional(),
  /** Cases with a mention from this source. */
  source: z.uuid().optional(),
  /** Words of the title, or a case number (`12` or `#12`). */
  q: z.string().trim().min(1).max(200).optional(),
  queue: z.enum(CASE_QUEUES).optional(),
  sort: z.enum(CASE_SORTS).default('number'),
  /** Keyset paging for sort=number (the nextCursor of the previous page). */
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'cursor is not one this API returned')
    .optional(),
  /** Offset paging for any sort. */
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseFiltersType = z.infer<typeof CaseFilters>;

export const CreateCaseBody = z.object({
  mentionIds: z.array(z.uuid()).min(1, 'name at least one mention').max(200),
  tier: z.enum(TIERS),
  title: z.string().trim().min(1).max(200).optional(),
  assigneeId: z.uuid().optional(),
});
export const TransitionBody = z.object({ to: z.enum(CASE_STATUSES), note: z.string().trim().max(2000).optional() });
export const AssignBody = z
  .object({
    /** The new assignee; null leaves the case unassigned (e.g. in another team's queue). */
    assigneeId: z.uuid().nullable().optional(),
    /** Moves the case to this team's queue. */
    teamId: z.uuid().optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .refine((b) => b.assigneeId !== undefined || b.teamId !== undefined, { message: 'name an assignee (assigneeId) or a team (teamId)' });
export const BulkBody = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), ids: z.array(z.uuid()).min(1).max(500), assigneeId: z.uuid(), reason: z.string().trim().max(500).optional() }),
  z.object({ action: z.literal('close_duplicate'), ids: z.array(z.uuid()).min(1).max(500), duplicateOf: z.uuid(), reason: z.string().trim().max(500).optional() }),
]);
export type BulkBodyType = z.infer<typeof BulkBody>;
export const LinkMentionBody = z.object({ mentionId: z.uuid(), reason: z.string().trim().max(500).optional() });
export const MentionParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }), mentionId: z.uuid({ message: 'mentionId must be a UUID' }) });
export const HandlingBody = z.object({ type: z.enum(HANDLING_TYPES), note: z.string().trim().min(1, 'note is empty').max(4000), amount: z.number().min(0).max(1e9).optional() });
export const ActionBody = z.object({
  kind: z.enum(ACTION_KINDS),
  description: z.string().trim().min(1, 'description is empty').max(2000),
  aspect: z.string().trim().min(1, 'name the aspect the action should improve').max(80),
  ownerId: z.uuid(),
  dueAt: z.iso.datetime({ offset: true }).or(z.iso.date()),
});
export const ActionParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }), actionId: z.uuid({ message: 'actionId must be a UUID' }) });
export const UpdateActionBody = z.object({ status: z.enum(ACTION_STATUSES) });
export const CloseBody = z.object({ rootCauseId: z.uuid({ message: 'a case is closed with a root cause (rootCauseId)' }), note: z.string().trim().max(2000).optional() });
export const ReopenBody = z.object({ note: z.string().trim().min(1, 'say why the case is reopened').max(2000) });

export const RootCauseView = z.object({ id: z.string(), label: z.string(), active: z.boolean() });
export const CreateRootCauseBody = z.object({ label: z.string().trim().min(1).max(120) });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'use HH:MM');
const DayHoursSchema = z
  .object({ start: hhmm, end: hhmm })
  .refine((d) => d.start !== d.end, { message: 'end must differ from start (an end before the start runs overnight)' })
  .nullable();
const TierSettingsSchema = z.object({
  firstResponseHours: z
    .number()
    .positive()
    .max(24 * 365),
  resolutionHours: z
    .number()
    .positive()
    .max(24 * 365),
  /** The team's name (in the reader's language for a default team); on saving, a name without teamId picks the team of that name, or a new one. */
  team: z.string().trim().min(1).max(120).optional(),
  /** The team this tier's cases go to. */
  teamId: z.uuid().optional(),
});
export const CaseSettingsSchema = z.object({
  tiers: z.object({ general: TierSettingsSchema, major: TierSettingsSchema, malicious: TierSettingsSchema }),
  locations: z
    .array(
      z.object({
        locationId: z.uuid(),
        weeklyHours: z
          .object(Object.fromEntries(WEEKDAYS.map((d) => [d, DayHoursSchema])) as Record<(typeof WEEKDAYS)[number], typeof DayHoursSchema>)
          .refine((w) => Object.values(w).some(Boolean), { message: 'a location needs at least one working day' }),
        holidays: z.array(z.iso.date()).max(1000),
      }),
    )
    .max(500),
});
export type CaseSettings = z.infer<typeof CaseSettingsSchema>;

export const ComplianceQuery = z.object({ days: z.coerce.number().int().min(1).max(3650).default(30) });
export const ComplianceView = z.object({
  items: z.array(z.object({ team: z.string(), cases: z.number(), firstResponseMet: z.number(), firstResponseRate: z.number().nullable(), breached: z.number() })),
});

export const TeamMemberView = z.object({ userId: z.string(), name: z.string(), role: z.string(), onShift: z.boolean() });
export const TeamView = z.object({ id: z.string(), name: z.string(), defaultKey: z.enum(TIERS).nullable(), renamed: z.boolean(), autoAssign: z.boolean(), members: z.array(TeamMemberView) });
export const CreateTeamBody = z.object({ name: z.string().trim().min(1).max(120), autoAssign: z.boolean().optional() });
export const UpdateTeamBody = z.object({ name: z.string().trim().min(1).max(120).nullable().optional(), autoAssign: z.boolean().optional() });
export const AddMemberBody = z.object({ userId: z.uuid() });
export const MemberParams = z.object({ id: z.uuid({ message: 'id must be a UUID' }), userId: z.uuid({ message: 'userId must be a UUID' }) });
export const UpdateMemberBody = z.object({ onShift: z.boolean() });
