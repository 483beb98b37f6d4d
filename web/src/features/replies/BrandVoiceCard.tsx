import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { mentionLanguages, type MentionLanguage } from '../../lib/vocab.ts';
import { CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { Spinner } from '../../ui/states.tsx';
import { TagInput } from '../../ui/TagInput.tsx';
import { getBrandVoice, saveBrandVoice } from './api.ts';

/** The rules every reply is checked against while it is written. */
export function BrandVoiceCard() {
  const { t } = useI18n();
  const { notify } = useApp();
  const { data: voice, setData: setVoice } = useResource(
    () => getBrandVoice().then((v) => ({ ...v, requiredPhrases: { zh: v.requiredPhrases?.zh ?? [], ru: v.requiredPhrases?.ru ?? [], en: v.requiredPhrases?.en ?? [] } })),
    [],
  );
  const { error, submit } = useSubmit('invalid');
  if (!voice) return <Spinner />;

  const save = async () => {
    setVoice(await saveBrandVoice({ ...voice, maxLength: voice.maxLength || undefined }));
    notify(t('common.saved'));
  };
  const setPhrases = (lang: MentionLanguage, phrases: string[]) => setVoice((v) => (v ? { ...v, requiredPhrases: { ...v.requiredPhrases, [lang]: phrases } } : v));

  return (
    <form className="card form" onSubmit={submit(save)} data-testid="brand-voice">
      <h2>{t('brandVoice.title')}</h2>
      <p className="muted small">{t('brandVoice.intro')}</p>
      <FormError error={error} />
      {mentionLanguages.map((lang) => (
        <Field group key={lang} label={t('brandVoice.required', { lang: t(`lang.${lang}`) })}>
          <TagInput value={voice.requiredPhrases[lang] ?? []} onChange={(next) => setPhrases(lang, next)} />
        </Field>
      ))}
      <Field group label={t('brandVoice.banned')}>
        <TagInput value={voice.bannedWords} onChange={(bannedWords) => setVoice({ ...voice, bannedWords })} />
      </Field>
      <div className="form-row">
        <Field label={t('brandVoice.maxLength')} width="narrow">
          <input type="number" min="0" name="maxLength" value={voice.maxLength ?? ''} onChange={(e) => setVoice({ ...voice, maxLength: e.target.value ? Number(e.target.value) : undefined })} />
        </Field>
        <CheckField name="noExclamation" label={t('brandVoice.noExclamation')} checked={Boolean(voice.noExclamation)} onChange={(noExclamation) => setVoice({ ...voice, noExclamation })} />
      </div>
      <FormActions submitLabel={t('common.save')} />
    </form>
  );
}
