import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { shareChannels, shareTargetKinds, type ShareChannel, type ShareTargetKind } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { EnumSelect, Select } from '../../ui/Select.tsx';
import { listTargets, makeLink, type Made } from './api.ts';

/** Make a link: what it points at (a story, an article's address, a survey link, a referral programme), its channel and a label. */
export function MakeLinkForm({ onDone }: { onDone(made: Made | null): Promise<void> }) {
  const { t } = useI18n();
  const { notify } = useApp();
  const [kind, setKind] = useState<ShareTargetKind>('article');
  const [targetId, setTargetId] = useState('');
  const [targetUrl, setTargetUrl] = useState('');
  const [channel, setChannel] = useState<ShareChannel | ''>('wechat');
  const [label, setLabel] = useState('');
  const targets = useResource(() => listTargets(), []);
  const { busy, error, submit } = useSubmit('invalid');

  const options = (() => {
    const d = targets.data;
    if (!d) return [];
    if (kind === 'story') return d.stories.map((s) => ({ value: s.id, label: s.title }));
    if (kind === 'survey') return d.surveyLinks.map((l) => ({ value: l.id, label: l.label ? `${l.surveyName} · ${l.label}` : l.surveyName }));
    if (kind === 'referral') return d.programmes.map((p) => ({ value: p.id, label: p.name }));
    return [];
  })();

  const make = async () => {
    const made = await makeLink({
      targetKind: kind,
      ...(kind === 'article' ? { targetUrl } : { targetId: targetId || null }),
      channel: channel || null,
      ...(label.trim() ? { label: label.trim() } : {}),
    });
    notify(t('shr.made', { url: made.link.url }));
    await onDone(made);
  };

  return (
    <InlineForm title={t('shr.newLink')} error={error} onSubmit={submit(make)} testId="make-link">
      <div className="form-grid">
        <Field label={t('shr.form.kind')}>
          <EnumSelect
            name="targetKind"
            values={shareTargetKinds}
            labelOf={(k) => t(`shr.kind.${k}`)}
            value={kind}
            onChange={(k) => {
              setKind(k);
              setTargetId('');
            }}
          />
        </Field>
        {kind === 'article' ? (
          <Field label={t('shr.form.url')} hint={t('shr.form.urlHint')} width="wide">
            <input name="targetUrl" type="url" inputMode="url" value={targetUrl} onChange={(e) => setTargetUrl(e.target.value)} placeholder="https://" required />
          </Field>
        ) : (
          <Field label={t('shr.form.target')} hint={targets.data && !options.length ? t('shr.form.noTargets') : undefined} width="wide">
            <Select name="targetId" options={options} value={targetId} onChange={setTargetId} emptyLabel={t('shr.form.choose')} />
          </Field>
        )}
        <Field label={t('shr.form.channel')}>
          <EnumSelect name="channel" values={shareChannels} labelOf={(c) => t(`shr.channel.${c}`)} value={channel} onChange={setChannel} emptyLabel={t('shr.noChannel')} />
        </Field>
        <Field label={t('shr.form.label')} hint={t('shr.form.labelHint')} optional>
          <input name="label" value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        </Field>
      </div>
      <FormActions submitLabel={t('shr.form.make')} onCancel={() => void onDone(null)} busy={busy} />
    </InlineForm>
  );
}
