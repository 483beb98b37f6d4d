import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../router.tsx';
import { Modal } from '../components/ui.tsx';
import { caseTiers, type Case, type CaseTier, type Mention } from '../types.ts';

/** Opens a case from one mention; a risk flag suggests the major tier. */
export function OpenCaseDialog({ mention, onClose }: { mention: Mention; onClose(): void }) {
  const { t } = useI18n();
  const { reportError, notify } = useApp();
  const hasRisk = (mention.analysis?.risks.length ?? 0) > 0;
  const [tier, setTier] = useState<CaseTier>(hasRisk ? 'major' : 'general');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const res = await api<{ case: Case }>('/api/cases', {
        method: 'POST',
        body: { mentionIds: [mention.id], tier, title: title.trim() || undefined },
      });
      notify(t('openCase.opened', { number: res.case.number }));
      onClose();
      navigate(`/cases/${encodeURIComponent(res.case.id)}`);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('openCase.title')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('cases.tier')}</span>
          <select name="caseTier" value={tier} onChange={(e) => setTier(e.target.value as CaseTier)}>
            {caseTiers.map((x) => (
              <option key={x} value={x}>
                {t(`tier.${x}`)} — {t(`tier.${x}.hint`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>
            {t('openCase.caseTitle')} <em className="muted">({t('common.optional')})</em>
          </span>
          <input name="caseTitle" value={title} placeholder={mention.title ?? mention.text.slice(0, 60)} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('openCase.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
