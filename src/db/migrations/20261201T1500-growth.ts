import { sql, type Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/** plpgsql bodies hold semicolons, so each function is one statement of its own (runStatements splits on them). */
const FUNCTIONS = [
  `
    -- Double entry: at commit, every ledger transaction a statement touched must sum to zero.
    CREATE FUNCTION reward_ledger_balanced() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE total numeric;
    BEGIN
      SELECT coalesce(sum(amount), 0) INTO total FROM reward_ledger WHERE txn_id = NEW.txn_id;
      IF total <> 0 THEN
        RAISE EXCEPTION 'reward ledger transaction % does not balance (sum %)', NEW.txn_id, total USING ERRCODE = '23514';
      END IF;
      RETURN NULL;
    END $fn$
  `,
  `
    -- The ledger is append-only: a correction is a new, reversing transaction.
    CREATE FUNCTION reward_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
    BEGIN
      RAISE EXCEPTION 'reward ledger entries cannot be changed; post a reversing transaction' USING ERRCODE = '42501';
    END $fn$
  `,
];

/**
 * Growing by word of mouth (issue 11): tracked share links and what they led to (sharing),
 * referral programmes with a double-entry rewards ledger (referrals), key-opinion patients'
 * invitations (advocates), patient stories with a consent per use and every place they are used
 * (stories), and the clinic's brand, posters and content calendar (content).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE patients ADD COLUMN public_scheme boolean NOT NULL DEFAULT false;
    ALTER TABLE mentions ADD COLUMN engagement integer CHECK (engagement IS NULL OR engagement >= 0);

    CREATE TABLE share_links (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      code text NOT NULL UNIQUE,
      target_kind text NOT NULL CHECK (target_kind IN ('story','article','survey','referral')),
      target_id uuid,
      target_url text,
      channel text CHECK (channel IN ('wechat','weibo','xiaohongshu','douyin','vk','telegram','whatsapp','facebook','instagram','x','email','sms','qr','website','print','other')),
      label text NOT NULL DEFAULT '',
      owner_patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      parent_id uuid REFERENCES share_links(id) ON DELETE SET NULL,
      origin_id uuid REFERENCES share_links(id) ON DELETE SET NULL,
      depth integer NOT NULL DEFAULT 0 CHECK (depth >= 0),
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX share_links_org_idx ON share_links (org_id, created_at DESC);
    CREATE INDEX share_links_origin_idx ON share_links (origin_id);
    CREATE INDEX share_links_parent_idx ON share_links (parent_id);
    CREATE INDEX share_links_target_idx ON share_links (org_id, target_kind, target_id);
    CREATE INDEX share_links_owner_idx ON share_links (owner_patient_id) WHERE owner_patient_id IS NOT NULL;
    CREATE TABLE share_salts (
      day date PRIMARY KEY,
      salt text NOT NULL
    );
    CREATE TABLE share_clicks (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      link_id uuid NOT NULL REFERENCES share_links(id) ON DELETE CASCADE,
      day date NOT NULL,
      visitor_hash text NOT NULL,
      bot boolean NOT NULL DEFAULT false,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX share_clicks_link_idx ON share_clicks (link_id, day);
    CREATE INDEX share_clicks_visitor_idx ON share_clicks (org_id, day, visitor_hash);
    CREATE TABLE share_conversions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      link_id uuid NOT NULL REFERENCES share_links(id) ON DELETE CASCADE,
      patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      kind text NOT NULL CHECK (kind IN ('booked','visited','survey_submitted','joined')),
      ref_id uuid,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX share_conversions_once_idx ON share_conversions (link_id, patient_id, kind) WHERE patient_id IS NOT NULL;
    CREATE INDEX share_conversions_org_idx ON share_conversions (org_id, at DESC);

    CREATE TABLE referral_programmes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','active','paused','ended')),
      referrer_reward jsonb NOT NULL,
      referee_reward jsonb NOT NULL,
      trigger text NOT NULL DEFAULT 'visited' CHECK (trigger IN ('booked','visited')),
      eligibility jsonb NOT NULL DEFAULT '{}',
      cap_per_referrer integer CHECK (cap_per_referrer IS NULL OR cap_per_referrer > 0),
      cap_per_referrer_year integer CHECK (cap_per_referrer_year IS NULL OR cap_per_referrer_year > 0),
      cap_per_year integer CHECK (cap_per_year IS NULL OR cap_per_year > 0),
      reward_valid_days integer NOT NULL DEFAULT 90 CHECK (reward_valid_days > 0),
      starts_on date,
      ends_on date,
      market_rules jsonb NOT NULL DEFAULT '{}',
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
    );
    CREATE INDEX referral_programmes_org_idx ON referral_programmes (org_id, created_at DESC);
    CREATE TABLE referrals (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES referral_programmes(id) ON DELETE CASCADE,
      link_id uuid REFERENCES share_links(id) ON DELETE SET NULL,
      referrer_patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      referee_patient_id uuid NOT NULL REFERENCES patients(id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked','visited','cancelled')),
      via text NOT NULL CHECK (via IN ('booking_form','visit_import','fhir','staff')),
      requested_for timestamptz,
      note text NOT NULL DEFAULT '',
      visit_id uuid REFERENCES visits(id) ON DELETE SET NULL,
      visited_at timestamptz,
      device_hash text,
      hold_reasons text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (programme_id, referee_patient_id)
    );
    CREATE INDEX referrals_org_idx ON referrals (org_id, created_at DESC);
    CREATE INDEX referrals_referrer_idx ON referrals (referrer_patient_id, created_at);
    CREATE INDEX referrals_referee_idx ON referrals (referee_patient_id);
    CREATE TABLE rewards (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      programme_id uuid NOT NULL REFERENCES referral_programmes(id) ON DELETE CASCADE,
      referral_id uuid NOT NULL REFERENCES referrals(id) ON DELETE CASCADE,
      patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      role text NOT NULL CHECK (role IN ('referrer','referee')),
      kind text NOT NULL CHECK (kind IN ('points','free_checkup','discount_percent','discount_amount','gift')),
      amount numeric NOT NULL CHECK (amount >= 0),
      unit text NOT NULL DEFAULT '',
      label text NOT NULL DEFAULT '',
      status text NOT NULL CHECK (status IN ('earned','held','issued','redeemed','expired','reversed')),
      hold_reasons text[] NOT NULL DEFAULT '{}',
      expires_at timestamptz,
      reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      reviewed_at timestamptz,
      review_note text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (referral_id, role)
    );
    CREATE INDEX rewards_org_status_idx ON rewards (org_id, status, created_at DESC);
    CREATE INDEX rewards_patient_idx ON rewards (patient_id, created_at);
    CREATE TABLE reward_ledger (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      txn_id uuid NOT NULL,
      reward_id uuid REFERENCES rewards(id) ON DELETE CASCADE,
      patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      account text NOT NULL CHECK (account IN ('funding','earned','held','issued','redeemed','expired','reversed')),
      amount numeric NOT NULL,
      memo text NOT NULL DEFAULT '',
      user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX reward_ledger_txn_idx ON reward_ledger (txn_id);
    CREATE INDEX reward_ledger_org_idx ON reward_ledger (org_id, at DESC);
    CREATE INDEX reward_ledger_reward_idx ON reward_ledger (reward_id);

    CREATE TABLE advocate_invitations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('patient','author')),
      patient_id uuid REFERENCES patients(id) ON DELETE CASCADE,
      author_handle text,
      programme_id uuid REFERENCES referral_programmes(id) ON DELETE SET NULL,
      status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited','accepted','declined','withdrawn','expired')),
      channel text NOT NULL CHECK (channel IN ('email','sms','in_person')),
      token text NOT NULL UNIQUE,
      locale text CHECK (locale IN ('zh-CN','ru','en')),
      consent_text text,
      consent_version text,
      link_id uuid REFERENCES share_links(id) ON DELETE SET NULL,
      note text NOT NULL DEFAULT '',
      invited_by uuid REFERENCES users(id) ON DELETE SET NULL,
      invited_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      responded_at timestamptz,
      CHECK ((kind = 'patient' AND patient_id IS NOT NULL) OR (kind = 'author' AND author_handle IS NOT NULL))
    );
    CREATE INDEX advocate_invitations_org_idx ON advocate_invitations (org_id, invited_at DESC);
    CREATE UNIQUE INDEX advocate_invitations_open_patient_idx ON advocate_invitations (org_id, patient_id) WHERE status IN ('invited','accepted') AND patient_id IS NOT NULL;

    CREATE TABLE story_requests (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      patient_id uuid REFERENCES patients(id) ON DELETE CASCADE,
      label text NOT NULL DEFAULT '',
      locale text CHECK (locale IN ('zh-CN','ru','en')),
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      disabled_at timestamptz
    );
    CREATE TABLE stories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      patient_id uuid REFERENCES patients(id) ON DELETE SET NULL,
      request_id uuid REFERENCES story_requests(id) ON DELETE SET NULL,
      author_name text NOT NULL DEFAULT '',
      title text NOT NULL DEFAULT '',
      body text NOT NULL,
      locale text NOT NULL CHECK (locale IN ('zh-CN','ru','en')),
      photo_mime text CHECK (photo_mime IN ('image/jpeg','image/png','image/webp')),
      photo bytea,
      video_url text,
      location_id uuid REFERENCES locations(id) ON DELETE SET NULL,
      department_id uuid REFERENCES departments(id) ON DELETE SET NULL,
      staff_id uuid REFERENCES staff(id) ON DELETE SET NULL,
      source text NOT NULL CHECK (source IN ('portal','staff')),
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('draft','submitted','approved','rejected','withdrawn')),
      material_connection text NOT NULL DEFAULT 'none' CHECK (material_connection IN ('none','employee','family_of_staff','free_or_discounted_care','reward','other')),
      manage_token text NOT NULL UNIQUE,
      reviewed_by uuid REFERENCES users(id) ON DELETE SET NULL,
      reviewed_at timestamptz,
      review_note text NOT NULL DEFAULT '',
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX stories_org_idx ON stories (org_id, created_at DESC);
    CREATE INDEX stories_patient_idx ON stories (patient_id) WHERE patient_id IS NOT NULL;
    CREATE TABLE story_consents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      use text NOT NULL CHECK (use IN ('internal','website','social','advertising')),
      channels text[] NOT NULL,
      valid_from date NOT NULL,
      valid_until date,
      granted_via text NOT NULL CHECK (granted_via IN ('portal','staff_on_behalf','paper')),
      consent_text text NOT NULL,
      consent_locale text NOT NULL CHECK (consent_locale IN ('zh-CN','ru','en')),
      recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
      granted_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      revoked_via text CHECK (revoked_via IN ('portal','staff_on_behalf','paper')),
      revoked_by uuid REFERENCES users(id) ON DELETE SET NULL,
      CHECK (valid_until IS NULL OR valid_until >= valid_from),
      CHECK (cardinality(channels) > 0)
    );
    CREATE INDEX story_consents_story_idx ON story_consents (story_id);
    CREATE TABLE story_uses (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('post','poster','share_link','website')),
      ref_id uuid,
      use text NOT NULL CHECK (use IN ('internal','website','social','advertising')),
      channel text NOT NULL,
      label text NOT NULL DEFAULT '',
      owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      flagged_at timestamptz,
      flag_reason text CHECK (flag_reason IN ('consent_revoked','consent_expired','story_withdrawn')),
      taken_down_at timestamptz,
      taken_down_by uuid REFERENCES users(id) ON DELETE SET NULL
    );
    CREATE INDEX story_uses_story_idx ON story_uses (story_id);
    CREATE INDEX story_uses_flagged_idx ON story_uses (org_id, flagged_at) WHERE flagged_at IS NOT NULL AND taken_down_at IS NULL;
    CREATE UNIQUE INDEX story_uses_ref_idx ON story_uses (story_id, kind, ref_id) WHERE ref_id IS NOT NULL;

    CREATE TABLE brand_settings (
      org_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      logo bytea,
      logo_mime text CHECK (logo_mime IN ('image/png','image/jpeg','image/svg+xml')),
      primary_color text NOT NULL DEFAULT '#0f766e' CHECK (primary_color ~ '^#[0-9a-fA-F]{6}$'),
      accent_color text NOT NULL DEFAULT '#f59e0b' CHECK (accent_color ~ '^#[0-9a-fA-F]{6}$'),
      tagline text NOT NULL DEFAULT '',
      website text NOT NULL DEFAULT '',
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE posters (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      quote text NOT NULL,
      attribution text NOT NULL DEFAULT '',
      locale text NOT NULL CHECK (locale IN ('zh-CN','ru','en')),
      size text NOT NULL DEFAULT 'a4' CHECK (size IN ('a4','square','story')),
      template text NOT NULL DEFAULT 'warm' CHECK (template IN ('warm','clean')),
      use text NOT NULL CHECK (use IN ('internal','website','social','advertising')),
      channel text NOT NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX posters_org_idx ON posters (org_id, created_at DESC);
    CREATE TABLE content_posts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      channel text NOT NULL CHECK (channel IN ('internal','website','wechat','weibo','xiaohongshu','douyin','vk','telegram','facebook','instagram','youtube','x','print','outdoor','online_ads','video')),
      use text NOT NULL CHECK (use IN ('internal','website','social','advertising')),
      market text NOT NULL CHECK (market IN ('cn','ru','us','eu')),
      scheduled_for timestamptz,
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('idea','draft','scheduled','published','cancelled','taken_down')),
      owner_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
      created_by uuid REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    );
    CREATE INDEX content_posts_org_idx ON content_posts (org_id, scheduled_for);
    CREATE TABLE content_post_stories (
      post_id uuid NOT NULL REFERENCES content_posts(id) ON DELETE CASCADE,
      story_id uuid NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
      PRIMARY KEY (post_id, story_id)
    );
  `,
  );
  for (const fn of FUNCTIONS) await sql.raw(fn).execute(db);
  await sql.raw(`CREATE CONSTRAINT TRIGGER reward_ledger_balanced AFTER INSERT ON reward_ledger DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION reward_ledger_balanced()`).execute(db);
  await sql.raw(`CREATE TRIGGER reward_ledger_append_only BEFORE UPDATE ON reward_ledger FOR EACH ROW EXECUTE FUNCTION reward_ledger_append_only()`).execute(db);
}
