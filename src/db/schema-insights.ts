import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Locale } from '../core/i18n.ts';
import type { ReportCadence, ReportStatus } from '../views/reports/reports.vocab.ts';
import type { QualityIndicator, ScoreComponent } from '../views/scorecards/scorecards.vocab.ts';
import type { RollupGrain } from '../views/dashboards/dashboards.vocab.ts';

/** Kysely types of the dashboard rollups, scorecard and report tables (migration 20261201T1400-insights is the source of truth). */
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A date column (YYYY-MM-DD), read as a string (pg and PGlite return a Date; select `day::text` to get the string). */
type DateColumn = ColumnType<Date | string, string, string>;

export interface RollupDirtyDaysTable {
  org_id: string;
  day: DateColumn;
  marked_at: Generated<Date>;
}

export interface MentionRollupsTable {
  org_id: string;
  day: DateColumn;
  location_id: string | null;
  department_id: string | null;
  source_id: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
  unanalysed: number;
  risky: number;
  rating_sum: number;
  rating_count: number;
}

export interface MentionAspectRollupsTable {
  org_id: string;
  day: DateColumn;
  location_id: string | null;
  department_id: string | null;
  source_id: string;
  aspect: string;
  total: number;
  positive: number;
  neutral: number;
  negative: number;
}

export interface MentionTermRollupsTable {
  org_id: string;
  day: DateColumn;
  location_id: string | null;
  department_id: string | null;
  /** Set on the source level's rows (migration 20261201T1420-pain-points). */
  source_id: string | null;
  term: string;
  mentions: number;
  negative: number;
}

/** Weekly and monthly sums of the daily rollups (migration 20261201T1410-rollup-grains; `day` is the week's Monday or the month's first). */
export interface MentionRollupsCoarseTable extends MentionRollupsTable {
  grain: RollupGrain;
}
export interface MentionAspectRollupsCoarseTable extends MentionAspectRollupsTable {
  grain: RollupGrain;
}

export interface QualityIndicatorsTable {
  id: Generated<string>;
  org_id: string;
  period_start: DateColumn;
  period_end: DateColumn;
  department_id: string | null;
  staff_id: string | null;
  indicator: QualityIndicator;
  events: number;
  exposures: number;
  imported_by: string | null;
  imported_at: Generated<Date>;
}

export interface ScorecardSettingsTable {
  org_id: string;
  weights: JSONColumnType<Record<ScoreComponent, number>, string, string>;
  min_sample: Generated<number>;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

export interface ReportSchedulesTable {
  id: Generated<string>;
  org_id: string;
  location_id: string | null;
  cadence: ReportCadence;
  recipients: ColumnType<string[], string[], string[]>;
  locale: Locale;
  send_hour: Generated<number>;
  enabled: Generated<boolean>;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ReportsTable {
  id: Generated<string>;
  org_id: string;
  schedule_id: string | null;
  location_id: string | null;
  cadence: ReportCadence;
  period_start: DateColumn;
  period_end: DateColumn;
  locale: Locale;
  status: Generated<ReportStatus>;
  recipients: ColumnType<string[], string[] | undefined, string[]>;
  html: string;
  pdf: ColumnType<Buffer | Uint8Array, Buffer | Uint8Array, Buffer | Uint8Array>;
  error: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  sent_at: NullableTimestamp;
}

export interface InsightsTables {
  rollup_dirty_days: RollupDirtyDaysTable;
  mention_rollups: MentionRollupsTable;
  mention_aspect_rollups: MentionAspectRollupsTable;
  mention_term_rollups: MentionTermRollupsTable;
  mention_rollups_coarse: MentionRollupsCoarseTable;
  mention_aspect_rollups_coarse: MentionAspectRollupsCoarseTable;
  quality_indicators: QualityIndicatorsTable;
  scorecard_settings: ScorecardSettingsTable;
  report_schedules: ReportSchedulesTable;
  reports: ReportsTable;
}
