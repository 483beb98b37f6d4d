import { useState } from 'react';
import { isDepartmentScoped } from '../../lib/vocab.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { riskIds, sentiments, type RiskId, type Sentiment } from '../../lib/vocab.ts';
import { EnumSelect, Select } from '../../ui/Select.tsx';
import { addCorrection, undoCorrection, type CorrectionKind } from './api.ts';
import type { Mention } from './types.ts';

type Correction = NonNullable<Mention['corrections']>[number];

/**
 * Corrections a triager makes to the analysis (mentions.triage): the sentiment (four labels), a
 * staff link added from the organisation's roster (inside the user's departments) or removed,
 * and a risk the engine missed. Each shows who made it and can be undone, which brings the
 * engine's reading back. "Not a risk" stays in the review panel.
 */
export function MentionCorrections({ mention, onChanged }: { mention: Mention; onChanged(mention: Mention): void }) {
  const { t, tx, formatDate } = useI18n();
  const { me, org, notify } = useApp();
  const { busy, run } = useSubmit();
  const [staffPick, setStaffPick] = useState('');
  const [riskPick, setRiskPick] = useState<RiskId | ''>('');
  const a = mention.analysis;
  if (!a) return null;
  const corrections = mention.corrections ?? [];
  const find = (kind: CorrectionKind, value?: string) => corrections.find((c) => c.kind === kind && (value === undefined || c.value === value));
  const staffName = (id: string) => org?.staff.find((s) => s.id === id)?.name ?? a.staff.find((s) => s.id === id)?.name ?? id;
  const scoped = me && isDepartmentScoped(me.role) ? new Set(me.departmentIds) : null;
  const linked = new Set(a.staff.map((s) => s.id));
  const choices = (org?.staff ?? []).filter((s) => !linked.has(s.id) && (s.departmentId === null || !scoped || scoped.has(s.departmentId)));
  const flagged = new Set(a.risks.filter((r) => !r.dismissed).map((r) => r.risk));
  const riskChoices = riskIds.filter((r) => !flagged.has(r));

  const correct = (kind: CorrectionKind, value: string, done: string) =>
    run(async () => {
      const res = await addCorrection(mention.id, kind, value);
      onChanged({ ...res.mention });
      notify(done);
    });
  const undo = (c: Correction) =>
    run(async () => {
      const res = await undoCorrection(mention.id, c.id);
      onChanged(res.mention);
      notify(t('correct.undone'));
    });
  const byline = (c: Correction) => t('correct.by', { who: c.correctedBy ?? t('correct.someone'), when: formatDate(c.correctedAt) });
  const UndoButton = ({ c, testId }: { c: Correction; testId: string }) => (
    <button type="button" className="btn btn-link small" data-testid={testId} disabled={busy} onClick={() => void undo(c)}>
      ↶ {t('correct.undo')}
    </button>
  );
  const sentimentFix = find('sentiment');
  const removed = corrections.filter((c) => c.kind === 'staff_remove');
  const addedRisks = corrections.filter((c) => c.kind === 'risk_add');

  return (
    <section className="detail-section corrections" data-testid="corrections" aria-label={t('correct.title')}>
      <h3>{t('correct.title')}</h3>
      <p className="muted small">{t('correct.explain')}</p>
      <div className="correct-row">
        <label className="inline-field">
          <span>{t('mention.sentiment')}</span>
          <EnumSelect
            name="correct-sentiment"
            data-testid="correct-sentiment"
            values={sentiments}
            labelOf={(s) => t(`sentiment.${s}`)}
            value={a.sentiment.label}
            disabled={busy}
            onChange={(s: Sentiment) => void correct('sentiment', s, t('correct.saved'))}
          />
        </label>
        {sentimentFix && (
          <span className="correct-note small" data-testid="sentiment-corrected">
            {a.sentiment.engine && <span className="muted">{t('correct.engineSaid', { label: t(`sentiment.${a.sentiment.engine.label}`) })} · </span>}
            {byline(sentimentFix)} <UndoButton c={sentimentFix} testId="undo-sentiment" />
          </span>
        )}
      </div>

      <div className="correct-row">
        <span className="correct-label">{t('mention.staffMentioned')}</span>
        <ul className="correct-list">
          {a.staff.map((s) => {
            const added = find('staff_add', s.id);
            return (
              <li key={s.id} data-testid="correct-staff">
                <span className="chip chip-staff">{s.name}</span>{' '}
                {added ? (
                  <span className="correct-note small">
                    {byline(added)} <UndoButton c={added} testId="undo-staff-add" />
                  </span>
                ) : (
                  <button type="button" className="btn btn-link small" data-testid="remove-staff" disabled={busy} onClick={() => void correct('staff_remove', s.id, t('correct.saved'))}>
                    × {t('correct.removeStaff')}
                  </button>
                )}
              </li>
            );
          })}
          {removed.map((c) => (
            <li key={c.id} data-testid="correct-staff-removed">
              <span className="chip chip-staff chip-dismissed">{staffName(c.value)}</span>{' '}
              <span className="correct-note small">
                {t('correct.removedBy', { who: c.correctedBy ?? t('correct.someone') })} <UndoButton c={c} testId="undo-staff-remove" />
              </span>
            </li>
          ))}
        </ul>
        {choices.length > 0 && (
          <span className="correct-add">
            <Select
              name="correct-staff"
              data-testid="add-staff-pick"
              aria-label={t('correct.addStaff')}
              options={choices.map((s) => ({ value: s.id, label: s.title ? `${s.name} · ${s.title}` : s.name }))}
              emptyLabel={t('correct.pickStaff')}
              value={staffPick}
              disabled={busy}
              onChange={setStaffPick}
            />
            <button
              type="button"
              className="btn small"
              data-testid="add-staff"
              disabled={busy || !staffPick}
              onClick={() => void correct('staff_add', staffPick, t('correct.saved')).then(() => setStaffPick(''))}
            >
              + {t('correct.addStaff')}
            </button>
          </span>
        )}
      </div>

      <div className="correct-row">
        <span className="correct-label">{t('mention.risks')}</span>
        <ul className="correct-list">
          {addedRisks.map((c) => (
            <li key={c.id} data-testid="correct-risk">
              <span className="chip chip-risk">⚠ {tx('risk', c.value)}</span>{' '}
              <span className="correct-note small">
                {byline(c)} <UndoButton c={c} testId="undo-risk" />
              </span>
            </li>
          ))}
        </ul>
        {riskChoices.length > 0 && (
          <span className="correct-add">
            <Select
              name="correct-risk"
              data-testid="add-risk-pick"
              aria-label={t('correct.addRisk')}
              options={riskChoices.map((r) => ({ value: r, label: tx('risk', r) }))}
              emptyLabel={t('correct.pickRisk')}
              value={riskPick}
              disabled={busy}
              onChange={setRiskPick}
            />
            <button
              type="button"
              className="btn small"
              data-testid="add-risk"
              disabled={busy || !riskPick}
              onClick={() => void correct('risk_add', riskPick, t('correct.saved')).then(() => setRiskPick(''))}
            >
              + {t('correct.addRisk')}
            </button>
          </span>
        )}
      </div>
    </section>
  );
}
