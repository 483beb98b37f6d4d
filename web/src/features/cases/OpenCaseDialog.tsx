import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { navigate } from '../../lib/router.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { caseTiers, type CaseTier } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import type { Mention } from '../mentions/index.ts';
import { openCase } from './api.ts';

/** Opens a case from one mention; a risk flag suggests the major tier. */
export function OpenCaseDialog({ mention, onClose }: { mention: Mention; onClose(): void }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const hasRisk = (mention.analysis?.risks.length ?? 0) > 0;
  const [tier, setTier] = useState<CaseTier>(hasRisk ? 'major' : 'general');
  const [title, setTitle] = useState('');
  const { busy, submit } = useSubmit();

  const open = async () => {
    const res = await openCase({ mentionIds: [mention.id], tier, title: title.trim() || undefined });
    notify(t('openCase.opened', { number: res.case.number }));
    onClose();
    navigate(`/cases/${encodeURIComponent(res.case.id)}`);
  };

  return (
    <FormDialog title={t('openCase.title')} onClose={onClose} onSubmit={submit(open)} submitLabel={t('openCase.submit')} busy={busy}>
      <Field label={t('cases.tier')}>
        <EnumSelect name="caseTier" values={caseTiers} labelOf={(x) => `${t(`tier.${x}`)} — ${t(`tier.${x}.hint`)}`} value={tier} onChange={setTier} />
      </Field>
      <Field label={t('openCase.caseTitle')} optional>
        <input name="caseTitle" value={title} placeholder={mention.title ?? mention.text.slice(0, 60)} onChange={(e) => setTitle(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
