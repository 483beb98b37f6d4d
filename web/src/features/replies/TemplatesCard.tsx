import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { aspectIds, caseTiers, mentionLanguages, type AspectId, type CaseTier, type MentionLanguage } from '../../lib/vocab.ts';
import { CardHead } from '../../ui/CardHead.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { RecordTable } from '../../ui/RecordTable.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { createTemplate, listTemplates } from './api.ts';

interface Draft {
  name: string;
  lang: MentionLanguage;
  tier: CaseTier | '';
  aspect: AspectId | '';
  text: string;
}

/** Reply templates, by language and optionally by tier and aspect. */
export function TemplatesCard() {
  const { t, tx } = useI18n();
  const { notify } = useApp();
  const templates = useResource(listTemplates, [], { fallback: [] });
  const [adding, setAdding] = useState(false);
  const [draft, setDraft] = useState<Draft>({ name: '', lang: 'zh', tier: '', aspect: '', text: '' });
  const { error, submit } = useSubmit('invalid');

  const add = async () => {
    await createTemplate({ ...draft, name: draft.name.trim(), tier: draft.tier || undefined, aspect: draft.aspect || undefined });
    notify(t('common.saved'));
    setAdding(false);
    setDraft({ name: '', lang: draft.lang, tier: '', aspect: '', text: '' });
    await templates.reload();
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  return (
    <section className="card">
      <CardHead title={t('templates.title')} newLabel={t('templates.new')} onNew={adding ? undefined : () => setAdding(true)} />
      {adding && (
        <InlineForm onSubmit={submit(add)} error={error}>
          <div className="form-grid">
            <Field label={t('common.name')}>
              <input name="templateName" required value={draft.name} onChange={(e) => set({ name: e.target.value })} />
            </Field>
            <Field label={t('reply.language')}>
              <EnumSelect name="templateLang" values={mentionLanguages} labelOf={(l) => t(`lang.${l}`)} value={draft.lang} onChange={(lang) => set({ lang })} />
            </Field>
            <Field label={t('cases.tier')}>
              <EnumSelect name="templateTier" values={caseTiers} labelOf={(x) => t(`tier.${x}`)} emptyLabel={t('common.all')} value={draft.tier} onChange={(tier) => set({ tier })} />
            </Field>
            <Field label={t('actions.aspect')}>
              <EnumSelect name="templateAspect" values={aspectIds} labelOf={(x) => tx('aspect', x)} emptyLabel={t('common.all')} value={draft.aspect} onChange={(aspect) => set({ aspect })} />
            </Field>
            <Field label={t('reply.text')} width="wide">
              <textarea name="templateText" required rows={4} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
            </Field>
          </div>
          <FormActions submitLabel={t('common.create')} onCancel={() => setAdding(false)} />
        </InlineForm>
      )}
      <RecordTable
        items={templates.data}
        emptyTitle={t('settings.empty')}
        columns={[
          { header: t('common.name'), cellClassName: 'strong', render: (x) => x.name },
          { header: t('reply.language'), render: (x) => <span className="badge badge-lang">{x.lang.toUpperCase()}</span> },
          { header: t('cases.tier'), render: (x) => (x.tier ? tx('tier', x.tier) : t('common.all')) },
          { header: t('reply.text'), cellClassName: 'cell-clip', render: (x) => x.text },
        ]}
      />
    </section>
  );
}
