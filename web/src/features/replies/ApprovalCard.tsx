import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { Check } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Spinner } from '../../ui/states.tsx';
import { getReplySettings, saveReplySettings } from './api.ts';

/** Four-eyes approval of public replies, on by default. */
export function ApprovalCard() {
  const { t } = useI18n();
  const { notify, can } = useApp();
  const { data: settings, setData: setSettings } = useResource(getReplySettings, []);
  const { error, busy, submit } = useSubmit('invalid');
  if (!settings) return <Spinner />;

  const save = async () => {
    setSettings(await saveReplySettings(settings));
    notify(t('common.saved'));
  };

  return (
    <form className="card form" onSubmit={submit(save)} data-testid="reply-approval-settings">
      <h2>{t('approval.title')}</h2>
      <p className="muted small">{t('approval.intro')}</p>
      <FormError error={error} />
      <Check name="fourEyes" label={t('approval.fourEyes')} checked={settings.fourEyes} disabled={!can('cases.manage')} onChange={(fourEyes) => setSettings({ ...settings, fourEyes })} />
      <p className="muted small">{t('approval.fourEyesHint')}</p>
      {can('cases.manage') && <FormActions submitLabel={t('common.save')} busy={busy} />}
    </form>
  );
}
