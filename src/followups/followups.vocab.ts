/**
 * The closed lists and pure rules of follow-up plans: conditions, risk levels, what a check-in
 * collects (readings with their units, plausible bounds and normal ranges), who performs the staff
 * task, and the schedule rule that turns a plan's schedule into due dates. No zod, no database.
 */

export const FOLLOWUP_CONDITIONS = ['diabetes', 'hypertension', 'cancer', 'post_surgery', 'pregnancy', 'custom'] as const;
export type FollowupCondition = (typeof FOLLOWUP_CONDITIONS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Who performs a check-in's staff task (the "patient – doctor/nurse – health manager" triangle of the seeds). */
export const PERFORMERS = ['nurse', 'doctor', 'service'] as const;
export type Performer = (typeof PERFORMERS)[number];

export const PLAN_STATUSES = ['active', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const ENROLMENT_STATUSES = ['active', 'withdrawn', 'completed'] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const ENROLMENT_SOURCES = ['staff', 'qr'] as const;
export type EnrolmentSource = (typeof ENROLMENT_SOURCES)[number];

export const CHECKIN_STATUSES = ['scheduled', 'done', 'missed', 'cancelled'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];

export const TASK_KINDS = ['call', 'review', 'urgent_reading', 'question'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['normal', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const READING_SOURCES = ['patient', 'staff'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

export const TASK_FILTERS = ['today', 'overdue', 'urgent', 'mine', 'open', 'done'] as const;
export type TaskFilter = (typeof TASK_FILTERS)[number];

/** What a patient can measure; each with its unit, the bounds a real value lies within, and the default normal range. */
export const METRICS = {
  glucose_fasting: { unit: 'mmol/L', min: 0.5, max: 40, normal: [3.9, 7.0], step: 0.1 },
  bp_systolic: { unit: 'mmHg', min: 50, max: 260, normal: [90, 140], step: 1 },
  bp_diastolic: { unit: 'mmHg', min: 30, max: 160, normal: [60, 90], step: 1 },
  heart_rate: { unit: 'bpm', min: 20, max: 250, normal: [50, 100], step: 1 },
  weight: { unit: 'kg', min: 1, max: 400, normal: null, step: 0.1 },
  temperature: { unit: '°C', min: 30, max: 45, normal: [36.0, 37.5], step: 0.1 },
  pain: { unit: '0–10', min: 0, max: 10, normal: [0, 3], step: 1 },
} as const satisfies Record<string, { unit: string; min: number; max: number; normal: readonly [number, number] | null; step: number }>;
export type Metric = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as [Metric, ...Metric[]];

/** A plan's schedule: every N days (count times), or fixed days after the anchor (discharge or enrolment). */
export type Schedule = { kind: 'interval'; everyDays: number; count: number } | { kind: 'days_after'; days: number[] };

export interface ReadingSpec {
  metric: Metric;
  /** The normal range of this plan; null takes the metric's default; a reading outside it is urgent. */
  low?: number | null;
  high?: number | null;
}

export type LocalText = Partial<Record<'zh-CN' | 'ru' | 'en', string>>;

/** What one version of a plan says: schedule, what each check-in collects, who performs it. */
export interface PlanDefinition {
  schedule: Schedule;
  readings: ReadingSpec[];
  photo: boolean;
  questions: LocalText[];
  performer: Performer;
  /** The staff task of a scheduled check-in. */
  taskKind: 'call' | 'review';
}

const DAY = 86_400_000;

/** The due dates of a schedule counted from `anchor`. Pure. */
export function scheduleDates(schedule: Schedule, anchor: Date): Date[] {
  if (schedule.kind === 'interval') return Array.from({ length: schedule.count }, (_, i) => new Date(anchor.getTime() + (i + 1) * schedule.everyDays * DAY));
  return [...new Set(schedule.days)].sort((a, b) => a - b).map((d) => new Date(anchor.getTime() + d * DAY));
}

/** The normal range of a reading under a plan: the plan's bounds, else the metric's defaults. */
export function normalRange(spec: ReadingSpec | undefined, metric: Metric): { low: number | null; high: number | null } {
  const def = METRICS[metric].normal;
  return { low: spec?.low ?? def?.[0] ?? null, high: spec?.high ?? def?.[1] ?? null };
}

/** Whether a value lies outside its normal range. */
export function isOutOfRange(value: number, range: { low: number | null; high: number | null }): boolean {
  return (range.low !== null && value < range.low) || (range.high !== null && value > range.high);
}

// The short questionnaires of the default plans, in the three languages.
const Q_HYPO: LocalText = {
  en: 'Since the last check-in, any episodes of low sugar (shaking, sweating, dizziness)?',
  ru: 'Были ли после прошлой отметки эпизоды низкого сахара (дрожь, пот, головокружение)?',
  'zh-CN': '自上次随访以来,是否出现过低血糖(手抖、出汗、头晕)?',
};
const Q_APPETITE: LocalText = { en: 'How are your appetite and sleep?', ru: 'Как аппетит и сон?', 'zh-CN': '最近食欲和睡眠怎么样?' };
const Q_WOUND: LocalText = { en: 'Is the wound red, swollen or leaking?', ru: 'Рана красная, опухшая или мокнет?', 'zh-CN': '伤口是否发红、肿胀或渗液?' };

/** The default plans (from the seeds: diabetes every three months, cancer monthly, after surgery days 1/7/30). */
export const DEFAULT_PLANS: { condition: FollowupCondition; risk: RiskLevel; definition: PlanDefinition }[] = [
  {
    condition: 'diabetes',
    risk: 'medium',
    definition: {
      schedule: { kind: 'interval', everyDays: 90, count: 4 },
      readings: [{ metric: 'glucose_fasting' }, { metric: 'weight' }],
      photo: false,
      questions: [Q_HYPO],
      performer: 'nurse',
      taskKind: 'call',
    },
  },
  {
    condition: 'diabetes',
    risk: 'high',
    definition: {
      schedule: { kind: 'interval', everyDays: 30, count: 6 },
      readings: [{ metric: 'glucose_fasting' }, { metric: 'bp_systolic' }, { metric: 'bp_diastolic' }],
      photo: false,
      questions: [Q_HYPO],
      performer: 'doctor',
      taskKind: 'review',
    },
  },
  {
    condition: 'hypertension',
    risk: 'medium',
    definition: {
      schedule: { kind: 'interval', everyDays: 30, count: 6 },
      readings: [{ metric: 'bp_systolic' }, { metric: 'bp_diastolic' }, { metric: 'heart_rate' }],
      photo: false,
      questions: [],
      performer: 'nurse',
      taskKind: 'call',
    },
  },
  {
    condition: 'cancer',
    risk: 'high',
    definition: {
      schedule: { kind: 'interval', everyDays: 30, count: 12 },
      readings: [{ metric: 'weight' }, { metric: 'pain' }, { metric: 'temperature' }],
      photo: false,
      questions: [Q_APPETITE],
      performer: 'doctor',
      taskKind: 'call',
    },
  },
  {
    condition: 'post_surgery',
    risk: 'medium',
    definition: {
      schedule: { kind: 'days_after', days: [1, 7, 30] },
      readings: [{ metric: 'temperature' }, { metric: 'pain' }],
      photo: true,
      questions: [Q_WOUND],
      performer: 'nurse',
      taskKind: 'call',
    },
  },
  {
    condition: 'pregnancy',
    risk: 'low',
    definition: {
      schedule: { kind: 'interval', everyDays: 28, count: 9 },
      readings: [{ metric: 'bp_systolic' }, { metric: 'bp_diastolic' }, { metric: 'weight' }],
      photo: false,
      questions: [],
      performer: 'nurse',
      taskKind: 'call',
    },
  },
];

/** Days a portal link lasts before staff renew it. */
export const PORTAL_LINK_DAYS = 30;
/** The largest photo a patient may upload. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
/** The consent text version patients are shown now (its words are in followups.messages.ts). */
export const CONSENT_VERSION = 1;

/** A check-in counts as on time when done no later than this many days after it was due. */
export const ON_TIME_GRACE_DAYS = 2;

/** The performers whose tasks a role's "mine" filter shows (tasks no one has taken yet). */
export function performersOf(role: string): Performer[] {
  if (role === 'staff') return ['nurse', 'doctor'];
  if (role === 'department_head') return ['doctor', 'nurse'];
  if (role === 'service') return ['service'];
  if (role === 'admin') return [...PERFORMERS];
  return [];
}

/** The roles of a care team a performer's tasks notify when the plan names no team. */
export function rolesOfPerformer(performer: Performer): ('staff' | 'department_head' | 'service')[] {
  if (performer === 'service') return ['service'];
  if (performer === 'doctor') return ['department_head', 'staff'];
  return ['staff', 'department_head'];
}

/** Who withdrew an enrolment. */
export const WITHDRAWAL_VIAS = ['staff', 'patient'] as const;
export type WithdrawalVia = (typeof WITHDRAWAL_VIAS)[number];

/** The picture types a patient may send (detected by their bytes). */
export const PHOTO_MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMime = (typeof PHOTO_MIMES)[number];
