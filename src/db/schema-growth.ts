import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Locale } from '../core/i18n.ts';
import type { AdvocateInviteChannel, AdvocateInviteStatus, AdvocateKind } from '../advocates/advocates.vocab.ts';
import type { LogoMime, PostStatus, PosterSize, PosterTemplate } from '../content/content.vocab.ts';
import type { Market } from '../outreach/outreach.vocab.ts';
import type { AttributionVia, HoldReason, LedgerAccount, ProgrammeStatus, ReferralStatus, RewardKind, RewardRole, RewardStatus, RewardTrigger } from '../referrals/referrals.vocab.ts';
import type { ConversionKind, ShareChannel, ShareTargetKind } from '../sharing/sharing.vocab.ts';
import type { ConsentUse, ConsentVia, MaterialConnection, PublicationChannel, StorySource, StoryStatus, StoryUseKind, UseFlagReason } from '../stories/stories.vocab.ts';

/** Kysely types of the growth tables (migration 20261201T1500-growth is the source of truth). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T extends object | null> = JSONColumnType<T, string, string>;
/** A date column (YYYY-MM-DD); select `col::text` to read the string. */
type DateColumn = ColumnType<Date | string, string, string>;
type NullableDate = ColumnType<Date | string | null, string | null | undefined, string | null>;
/** numeric: pg returns a string; cast to float8 in selects that need a number. */
type Numeric = ColumnType<string | number, number | string, number | string>;
type TextArray<T extends string = string> = ColumnType<T[], T[] | undefined, T[]>;

export interface ShareLinksTable {
  id: Generated<string>;
  org_id: string;
  /** The short code in /s/<code> (and the referral code a patient reads out): CODE_ALPHABET, CODE_LENGTH. */
  code: string;
  target_kind: ShareTargetKind;
  /** The story, survey or referral programme; null for an article (target_url). */
  target_id: string | null;
  target_url: string | null;
  channel: ShareChannel | null;
  label: Generated<string>;
  owner_patient_id: string | null;
  owner_user_id: string | null;
  /** The link the sharer arrived by (a share of a share); null for an origin. */
  parent_id: string | null;
  /** The chain's first link (itself for an origin). */
  origin_id: string | null;
  depth: Generated<number>;
  disabled_at: NullableTimestamp;
  created_at: Generated<Date>;
}

/** The day's random salt of visitor hashes; deleted after the day, so no hash can be traced back to an address. */
export interface ShareSaltsTable {
  day: DateColumn;
  salt: string;
}

export interface ShareClicksTable {
  id: Generated<string>;
  org_id: string;
  link_id: string;
  day: DateColumn;
  /** sha256(day's salt, IP, user agent): counts distinct visitors in a day, never stores the address. */
  visitor_hash: string;
  bot: Generated<boolean>;
  at: Generated<Date>;
}

export interface ShareConversionsTable {
  id: Generated<string>;
  org_id: string;
  link_id: string;
  patient_id: string | null;
  kind: ConversionKind;
  /** The referral, survey response or invitation it was. */
  ref_id: string | null;
  at: Generated<Date>;
}

/** One reward's terms: what, how much, in what unit, and how it reads to a patient. */
export interface RewardTerms {
  kind: RewardKind;
  amount: number;
  unit?: string;
  label?: string;
}

/** Who may take part. */
export interface ProgrammeEligibility {
  /** The referrer must have visited at least once. */
  referrerMustHaveVisited?: boolean;
  /** The new patient must be new to the organisation (no earlier visit). */
  refereeMustBeNew?: boolean;
}

/** Per-market switches. */
export interface ProgrammeMarketRules {
  /** Patients covered by a public scheme that restricts gifts get no reward (held with the reason shown). */
  excludePublicScheme?: boolean;
  /** A nominal-value limit (e.g. the US OIG limit on gifts to beneficiaries): per reward and per patient per year, in `currency`. */
  nominalValue?: { perItem: number; perYear: number; currency: string };
  /** The value of one unit of each kind in the currency, for the nominal-value limit (points, a check-up). */
  unitValues?: Partial<Record<RewardKind, number>>;
}

export interface ReferralProgrammesTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  description: Generated<string>;
  status: Generated<ProgrammeStatus>;
  referrer_reward: Json<RewardTerms>;
  referee_reward: Json<RewardTerms>;
  trigger: Generated<RewardTrigger>;
  eligibility: Json<ProgrammeEligibility>;
  cap_per_referrer: number | null;
  cap_per_referrer_year: number | null;
  cap_per_year: number | null;
  reward_valid_days: Generated<number>;
  starts_on: NullableDate;
  ends_on: NullableDate;
  market_rules: Json<ProgrammeMarketRules>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ReferralsTable {
  id: Generated<string>;
  org_id: string;
  programme_id: string;
  link_id: string | null;
  referrer_patient_id: string | null;
  referee_patient_id: string;
  status: Generated<ReferralStatus>;
  via: AttributionVia;
  requested_for: NullableTimestamp;
  note: Generated<string>;
  visit_id: string | null;
  visited_at: NullableTimestamp;
  /** The day-salted hash of the booking's browser (the "one device, many codes" check). */
  device_hash: string | null;
  hold_reasons: TextArray<HoldReason>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RewardsTable {
  id: Generated<string>;
  org_id: string;
  programme_id: string;
  referral_id: string;
  patient_id: string | null;
  role: RewardRole;
  kind: RewardKind;
  amount: Numeric;
  unit: Generated<string>;
  label: Generated<string>;
  status: RewardStatus;
  hold_reasons: TextArray<HoldReason>;
  expires_at: NullableTimestamp;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

/** Append-only double entry: every txn_id's amounts sum to zero (a deferred trigger checks at commit). */
export interface RewardLedgerTable {
  id: Generated<string>;
  org_id: string;
  txn_id: string;
  reward_id: string | null;
  patient_id: string | null;
  account: LedgerAccount;
  amount: Numeric;
  memo: Generated<string>;
  user_id: string | null;
  at: Generated<Date>;
}

export interface AdvocateInvitationsTable {
  id: Generated<string>;
  org_id: string;
  kind: AdvocateKind;
  patient_id: string | null;
  author_handle: string | null;
  programme_id: string | null;
  status: Generated<AdvocateInviteStatus>;
  channel: AdvocateInviteChannel;
  token: string;
  locale: Locale | null;
  /** The words the person agreed to, and their version, kept with the answer. */
  consent_text: string | null;
  consent_version: string | null;
  /** The referral link made for them on accepting. */
  link_id: string | null;
  note: Generated<string>;
  invited_by: string | null;
  invited_at: Generated<Date>;
  expires_at: Timestamp;
  responded_at: NullableTimestamp;
}

/** A link that asks for a story: for one patient, or a general one (a QR at the desk). */
export interface StoryRequestsTable {
  id: Generated<string>;
  org_id: string;
  token: string;
  patient_id: string | null;
  label: Generated<string>;
  locale: Locale | null;
  created_by: string | null;
  created_at: Generated<Date>;
  disabled_at: NullableTimestamp;
}

export interface StoriesTable {
  id: Generated<string>;
  org_id: string;
  patient_id: string | null;
  request_id: string | null;
  author_name: Generated<string>;
  title: Generated<string>;
  body: string;
  locale: Locale;
  photo_mime: 'image/jpeg' | 'image/png' | 'image/webp' | null;
  photo: Buffer | null;
  video_url: string | null;
  location_id: string | null;
  department_id: string | null;
  staff_id: string | null;
  source: StorySource;
  status: Generated<StoryStatus>;
  material_connection: Generated<MaterialConnection>;
  /** The patient's own link to see their story and its consents and to revoke any of them. */
  manage_token: string;
  reviewed_by: string | null;
  reviewed_at: NullableTimestamp;
  review_note: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface StoryConsentsTable {
  id: Generated<string>;
  org_id: string;
  story_id: string;
  use: ConsentUse;
  channels: TextArray<PublicationChannel>;
  valid_from: DateColumn;
  /** null: until revoked. */
  valid_until: NullableDate;
  granted_via: ConsentVia;
  /** The words the patient agreed to, as shown. */
  consent_text: string;
  consent_locale: Locale;
  recorded_by: string | null;
  granted_at: Generated<Date>;
  revoked_at: NullableTimestamp;
  revoked_via: ConsentVia | null;
  revoked_by: string | null;
}

/** Every place a story is used: a revocation flags each for takedown and tells its owner. */
export interface StoryUsesTable {
  id: Generated<string>;
  org_id: string;
  story_id: string;
  kind: StoryUseKind;
  /** The post, poster or share link. */
  ref_id: string | null;
  use: ConsentUse;
  channel: string;
  label: Generated<string>;
  owner_user_id: string | null;
  created_at: Generated<Date>;
  flagged_at: NullableTimestamp;
  flag_reason: UseFlagReason | null;
  taken_down_at: NullableTimestamp;
  taken_down_by: string | null;
}

export interface BrandSettingsTable {
  org_id: string;
  logo: Buffer | null;
  logo_mime: LogoMime | null;
  primary_color: Generated<string>;
  accent_color: Generated<string>;
  tagline: Generated<string>;
  website: Generated<string>;
  updated_at: Generated<Date>;
}

export interface PostersTable {
  id: Generated<string>;
  org_id: string;
  story_id: string;
  quote: string;
  attribution: Generated<string>;
  locale: Locale;
  size: Generated<PosterSize>;
  template: Generated<PosterTemplate>;
  use: ConsentUse;
  channel: PublicationChannel;
  created_by: string | null;
  created_at: Generated<Date>;
  /** 20261201T1550-posters-files: the rendered files, the warnings printed, the QR's share link. */
  png: Buffer | null;
  pdf: Buffer | null;
  notices: Generated<string[]>;
  share_link_id: string | null;
}

export interface ContentPostsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  body: Generated<string>;
  channel: PublicationChannel;
  use: ConsentUse;
  market: Market;
  scheduled_for: NullableTimestamp;
  status: Generated<PostStatus>;
  owner_user_id: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: NullableTimestamp;
}

export interface ContentPostStoriesTable {
  post_id: string;
  story_id: string;
}

export interface GrowthTables {
  share_links: ShareLinksTable;
  share_salts: ShareSaltsTable;
  share_clicks: ShareClicksTable;
  share_conversions: ShareConversionsTable;
  referral_programmes: ReferralProgrammesTable;
  referrals: ReferralsTable;
  rewards: RewardsTable;
  reward_ledger: RewardLedgerTable;
  advocate_invitations: AdvocateInvitationsTable;
  story_requests: StoryRequestsTable;
  stories: StoriesTable;
  story_consents: StoryConsentsTable;
  story_uses: StoryUsesTable;
  brand_settings: BrandSettingsTable;
  posters: PostersTable;
  content_posts: ContentPostsTable;
  content_post_stories: ContentPostStoriesTable;
}
