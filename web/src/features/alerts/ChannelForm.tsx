import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { channelKinds, roles, type ChannelKind } from '../../lib/vocab.ts';
import { CheckField, Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { MultiCheck } from '../../ui/MultiCheck.tsx';
import { EnumSelect, optionsOf } from '../../ui/Select.tsx';
import { TagInput } from '../../ui/TagInput.tsx';
import { listActiveUsers } from '../settings/index.ts';
import { saveChannel } from './api.ts';
import { textFields, type TextKey } from './channel-fields.ts';
import type { AlertChannel, ChannelConfig } from './types.ts';

export function ChannelForm({ channel, onDone }: { channel: AlertChannel | null; onDone(saved: boolean): Promise<void> }) {
  const { t } = useI18n();
  const { can, notify } = useApp();
  const [name, setName] = useState(channel?.name ?? '');
  const [kind, setKind] = useState<ChannelKind>(channel?.kind ?? 'email');
  const [enabled, setEnabled] = useState(channel?.enabled ?? true);
  const [config, setConfig] = useState<ChannelConfig>(channel?.config ?? {});
  const canListUsers = can('users.manage');
  const users = useResource(() => (canListUsers ? listActiveUsers() : Promise.resolve(null)), [canListUsers], { quiet: true });
  const { busy, error, submit } = useSubmit('invalid');

  const set = (patch: ChannelConfig) => setConfig((c) => ({ ...c, ...patch }));

  const bodyConfig = (): ChannelConfig => {
    const pick = (key: TextKey) => (config[key] ?? '').trim();
    switch (kind) {
      case 'email':
        return { to: config.to ?? [] };
      case 'in_app':
        return { userIds: config.userIds ?? [], roles: config.roles ?? [] };
      default: {
        const out: ChannelConfig = {};
        for (const f of textFields[kind]) if (pick(f.key)) out[f.key] = pick(f.key);
        return out;
      }
    }
  };

  const save = async () => {
    const body = { name: name.trim(), enabled, config: bodyConfig() };
    // A channel keeps its kind: the form locks it when editing and PATCH does not take it.
    await saveChannel(channel?.id ?? null, channel ? body : { ...body, kind });
    notify(t('common.saved'));
    await onDone(true);
  };

  return (
    <InlineForm title={channel ? `${t('common.edit')}: ${channel.name}` : t('channels.new')} error={error} onSubmit={submit(save)} testId="channel-form">
      <div className="form-grid">
        <Field label={t('common.name')}>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('channels.kind')}>
          <EnumSelect name="kind" values={channelKinds} labelOf={(k) => t(`channelKind.${k}`)} value={kind} disabled={channel !== null} onChange={setKind} />
        </Field>
        <CheckField name="enabled" label={t('rules.enabled')} checked={enabled} onChange={setEnabled} />
        {textFields[kind].map((f) => (
          <Field key={f.key} label={t(f.label)} optional={!f.required} width={f.key === 'url' ? 'wide' : undefined} hint={f.secret && channel ? t('channels.secretKept') : undefined}>
            <input name={`config.${f.key}`} required={f.required} autoComplete="off" spellCheck={false} value={config[f.key] ?? ''} onChange={(e) => set({ [f.key]: e.target.value })} />
          </Field>
        ))}
        {kind === 'email' && (
          <Field group width="wide" label={t('channels.to')} hint={t('channels.toHint')}>
            <TagInput name="config.to" value={config.to ?? []} onChange={(to) => set({ to })} />
          </Field>
        )}
        {kind === 'in_app' && (
          <>
            <Field group width="wide" label={t('channels.roles')}>
              <MultiCheck name="config.roles" options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} value={config.roles ?? []} onChange={(next) => set({ roles: next })} />
            </Field>
            <Field group width="wide" label={t('channels.users')}>
              {users.data ? (
                <MultiCheck name="config.userIds" options={optionsOf(users.data, (u) => u.name || u.email)} value={config.userIds ?? []} onChange={(userIds) => set({ userIds })} />
              ) : (
                <TagInput name="config.userIds" value={config.userIds ?? []} onChange={(userIds) => set({ userIds })} />
              )}
            </Field>
          </>
        )}
      </div>
      <FormActions submitLabel={channel ? t('common.save') : t('common.create')} onCancel={() => void onDone(false)} busy={busy} />
    </InlineForm>
  );
}
