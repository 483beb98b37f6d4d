import { useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { MultiCheck } from '../../ui/MultiCheck.tsx';
import { Select } from '../../ui/Select.tsx';
import { TagInput } from '../../ui/TagInput.tsx';
import { saveRecord } from './api.ts';

export type Values = Record<string, string | string[] | boolean>;

export interface FieldDef {
  name: string;
  label: MessageKey;
  kind: 'text' | 'email' | 'password' | 'select' | 'tags' | 'checks' | 'checkbox';
  required?: boolean;
  /** Required only when creating (a password), optional when editing. */
  requiredOnCreate?: boolean;
  hint?: MessageKey;
  editHint?: MessageKey;
  options?: { value: string; label: string }[];
  allowEmpty?: boolean;
  visible?(values: Values, editing: boolean): boolean;
}

/** How a kind of record is edited: its fields, and how values go to and from the API. */
export interface EntityConfig<T extends { id: string }> {
  endpoint: string;
  fields: FieldDef[];
  empty(): Values;
  toValues(item: T): Values;
  toBody(values: Values, editing: boolean): Record<string, unknown>;
  label(item: T): string;
}

export function EntityForm<T extends { id: string }>({ config, item, onDone }: { config: EntityConfig<T>; item: T | null; onDone(saved: boolean): Promise<void> }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const { busy, submit } = useSubmit();
  const [values, setValues] = useState<Values>(() => (item ? config.toValues(item) : config.empty()));
  const editing = item !== null;
  const set = (name: string, value: Values[string]) => setValues((v) => ({ ...v, [name]: value }));

  const save = async () => {
    await saveRecord(config.endpoint, item?.id ?? null, config.toBody(values, editing));
    notify(t('common.saved'));
    await onDone(true);
  };

  const control = (f: FieldDef): ReactNode => {
    const value = values[f.name];
    const list = Array.isArray(value) ? value : [];
    const required = f.required || (f.requiredOnCreate && !editing);
    switch (f.kind) {
      case 'select': {
        const props = { name: f.name, required, value: String(value ?? ''), onChange: (v: string) => set(f.name, v), options: f.options ?? [] };
        return f.allowEmpty ? <Select {...props} emptyLabel={t('common.none')} /> : <Select {...props} />;
      }
      case 'tags':
        return <TagInput name={f.name} value={list} onChange={(next) => set(f.name, next)} />;
      case 'checks':
        return <MultiCheck name={f.name} options={f.options ?? []} value={list} onChange={(next) => set(f.name, next)} />;
      default:
        return (
          <input
            name={f.name}
            type={f.kind}
            required={required}
            autoComplete={f.kind === 'password' ? 'new-password' : 'off'}
            minLength={f.kind === 'password' && (value as string) ? 8 : undefined}
            value={String(value ?? '')}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
    }
  };

  return (
    <InlineForm title={item ? `${t('settings.editItem')}: ${config.label(item)}` : t('settings.newItem')} onSubmit={submit(save)}>
      <div className="form-grid">
        {config.fields
          .filter((f) => !f.visible || f.visible(values, editing))
          .map((f) => {
            if (f.kind === 'checkbox') {
              return <CheckField key={f.name} name={f.name} label={t(f.label)} checked={Boolean(values[f.name])} onChange={(checked) => set(f.name, checked)} />;
            }
            const hint = editing && f.editHint ? f.editHint : f.hint;
            return (
              <Field key={f.name} group label={t(f.label)} width={f.kind === 'tags' || f.kind === 'checks' ? 'wide' : undefined} hint={hint && t(hint)}>
                {control(f)}
              </Field>
            );
          })}
      </div>
      <FormActions submitLabel={editing ? t('common.save') : t('common.create')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}
