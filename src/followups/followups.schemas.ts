import { z } from 'zod';
import {
  CHECKIN_STATUSES,
  ENROLMENT_SOURCES,
  ENROLMENT_STATUSES,
  FOLLOWUP_CONDITIONS,
  METRIC_NAMES,
  PERFORMERS,
  PLAN_STATUSES,
  RISK_LEVELS,
  TASK_FILTERS,
  TASK_KINDS,
  TASK_PRIORITIES,
  TASK_STATUSES,
} from './followups.vocab.ts';
import { LOCALES } from '../core/i18n.ts';

const Day = z.number().int().min(0).max(3650);
export const ScheduleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('interval'), everyDays: z.number().int().min(1).max(365), count: z.number().int().min(1).max(60) }),
  z.object({ kind: z.literal('days_after'), days: z.array(Day).min(1).max(60) }),
]);
export const ReadingSpecSchema = z.object({ metric: z.enum(METRIC_NAMES), low: z.number().nullable().optional(), high: z.number().nullable().optional() });
const LocalTextSchema = z.object({ en: z.string().max(500).optional(), ru: z.string().max(500).optional(), 'zh-CN': z.string().max(500).optional() });
export const PlanDefinitionSchema = z.object({
  schedule: ScheduleSchema,
  readings: z.array(ReadingSpecSchema).max(12),
  photo: z.boolean(),
  questions: z.array(LocalTextSchema).max(20),
  performer: z.enum(PERFORMERS),
  taskKind: z.enum(['call', 'review']),
});

export const PlanView = z.object({
  id: z.string(),
  name: z.string(),
  condition: z.enum(FOLLOWUP_CONDITIONS),
  risk: z.enum(RISK_LEVELS),
  status: z.enum(PLAN_STATUSES),
  version: z.number(),
  departmentId: z.string().nullable(),
  teamId: z.string().nullable(),
  definition: PlanDefinitionSchema,
  enrolUrl: z.string(),
  copiedFrom: z.string().nullable(),
  activeEnrolments: z.number(),
  /** Check-ins done on time over check-ins due so far, across the plan's enrolments (null before any was due). */
  adherence: z.number().nullable(),
  due: z.number(),
  onTime: z.number(),
  updatedAt: z.date(),
});
export type PlanViewType = z.infer<typeof PlanView>;

export const CreatePlanBody = z.object({
  name: z.string().trim().min(1).max(200),
  condition: z.enum(FOLLOWUP_CONDITIONS),
  risk: z.enum(RISK_LEVELS),
  departmentId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  definition: PlanDefinitionSchema,
});
export const UpdatePlanBody = CreatePlanBody.partial().extend({ status: z.enum(PLAN_STATUSES).optional() });
export const CopyPlanBody = z.object({ name: z.string().trim().min(1).max(200).optional() });

export const EnrolBody = z.object({
  planId: z.uuid(),
  patientId: z.uuid().optional(),
  patient: z
    .object({
      externalId: z.string().trim().min(1).max(100).optional(),
      name: z.string().trim().min(1).max(200),
      phone: z.string().trim().max(40).optional(),
      email: z.email().max(200).optional(),
      locale: z.enum(LOCALES).optional(),
    })
    .optional(),
  /** Discharge time the schedule counts from; default now. */
  anchorAt: z.coerce.date().optional(),
  departmentId: z.uuid().nullable().optional(),
});

export const EnrolmentView = z.object({
  id: z.string(),
  planId: z.string(),
  planName: z.string(),
  planVersion: z.number(),
  patientId: z.string(),
  patientName: z.string(),
  departmentId: z.string().nullable(),
  source: z.enum(ENROLMENT_SOURCES),
  status: z.enum(ENROLMENT_STATUSES),
  anchorAt: z.date(),
  createdAt: z.date(),
  withdrawnAt: z.date().nullable(),
  due: z.number(),
  onTime: z.number(),
  adherence: z.number().nullable(),
  nextDueAt: z.date().nullable(),
  urgentOpen: z.number(),
});
export type EnrolmentViewType = z.infer<typeof EnrolmentView>;

export const CheckinView = z.object({ id: z.string(), seq: z.number(), dueAt: z.date(), status: z.enum(CHECKIN_STATUSES), doneAt: z.date().nullable() });
export const ReadingView = z.object({
  id: z.string(),
  metric: z.string(),
  value: z.number(),
  unit: z.string(),
  normalLow: z.number().nullable(),
  normalHigh: z.number().nullable(),
  outOfRange: z.boolean(),
  source: z.string(),
  recordedAt: z.date(),
});
export const PhotoView = z.object({ id: z.string(), mime: z.string(), size: z.number(), width: z.number().nullable(), height: z.number().nullable(), createdAt: z.date() });
export const QuestionView = z.object({ id: z.string(), text: z.string(), askedAt: z.date(), answer: z.string().nullable(), answeredAt: z.date().nullable(), answeredByName: z.string().nullable() });
export const TaskView = z.object({
  id: z.string(),
  enrolmentId: z.string(),
  planId: z.string(),
  planName: z.string(),
  patientName: z.string(),
  kind: z.enum(TASK_KINDS),
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
  performer: z.enum(PERFORMERS),
  dueAt: z.date(),
  overdue: z.boolean(),
  /** The patient asked not to be contacted: no calls. */
  optedOut: z.boolean(),
  detail: z.string().nullable(),
  note: z.string().nullable(),
  completedAt: z.date().nullable(),
  completedByName: z.string().nullable(),
});
export type TaskViewType = z.infer<typeof TaskView>;

export const EnrolmentDetail = z.object({
  enrolment: EnrolmentView,
  patient: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable(), email: z.string().nullable(), locale: z.string().nullable(), contactHidden: z.boolean() }),
  consent: z.object({ version: z.number(), locale: z.string(), sha256: z.string(), text: z.string(), agreed: z.record(z.string(), z.boolean()), at: z.date() }).nullable(),
  checkins: z.array(CheckinView),
  readings: z.array(ReadingView),
  photos: z.array(PhotoView),
  questions: z.array(QuestionView),
  answers: z.array(z.object({ id: z.string(), question: z.string(), answer: z.string(), answeredAt: z.date() })),
  tasks: z.array(TaskView),
  portal: z.object({ url: z.string(), expiresAt: z.date() }).nullable(),
  withdrawReason: z.string().nullable(),
});

export const TaskQuery = z.object({ filter: z.enum(TASK_FILTERS).optional(), planId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(500).default(200) });
export const EnrolmentQuery = z.object({
  planId: z.uuid().optional(),
  status: z.enum(ENROLMENT_STATUSES).optional(),
  patientId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export const CompleteTaskBody = z.object({ note: z.string().trim().max(4000).default('') });
export const WithdrawBody = z.object({ reason: z.string().trim().max(1000).optional() });
export const AnswerBody = z.object({ answer: z.string().trim().min(1).max(4000) });
