import type { Kysely } from 'kysely';
import { runStatements } from '../run-statements.ts';

/**
 * Understanding, corrected by people: a mention's sentiment may be `mixed` (praise and complaint
 * both substantial); and every correction a team makes to the analysis (the sentiment, a staff
 * link added or removed, a risk added) is kept as a row of its own, so it is applied to that
 * mention at once, survives re-analysis, is audited, and `verity train --with-corrections`
 * exports it. "Not a risk" keeps its own table (mention_risk_dismissals) from before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    ALTER TABLE mentions DROP CONSTRAINT mentions_sentiment_check;
    ALTER TABLE mentions ADD CONSTRAINT mentions_sentiment_check CHECK (sentiment IN ('negative','neutral','positive','mixed'));
    CREATE TABLE mention_corrections (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      org_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
      mention_id uuid NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('sentiment','staff_add','staff_remove','risk_add')),
      -- sentiment: the label; staff_add/staff_remove: the staff member's id; risk_add: the risk.
      value text NOT NULL,
      -- What the analysis said before the correction (the label, the confidence), for the audit and training.
      previous jsonb,
      corrected_by uuid REFERENCES users(id) ON DELETE SET NULL,
      corrected_at timestamptz NOT NULL DEFAULT now()
    );
    -- One sentiment per mention (a later correction replaces the earlier one); one row per staff link or added risk.
    CREATE UNIQUE INDEX mention_corrections_sentiment_idx ON mention_corrections (mention_id) WHERE kind = 'sentiment';
    CREATE UNIQUE INDEX mention_corrections_value_idx ON mention_corrections (mention_id, kind, value) WHERE kind <> 'sentiment';
    CREATE INDEX mention_corrections_org_idx ON mention_corrections (org_id, corrected_at);
    `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runStatements(
    db,
    `
    DROP TABLE mention_corrections;
    UPDATE mentions SET sentiment = 'negative' WHERE sentiment = 'mixed';
    ALTER TABLE mentions DROP CONSTRAINT mentions_sentiment_check;
    ALTER TABLE mentions ADD CONSTRAINT mentions_sentiment_check CHECK (sentiment IN ('negative','neutral','positive'));
    `,
  );
}
