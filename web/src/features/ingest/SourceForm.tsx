import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { creatableSourceKinds } from '../../lib/vocab.ts';

type SourceKind = (typeof creatableSourceKinds)[number];
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { InlineForm } from '../../ui/InlineForm.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { createSource } from './api.ts';
import type { CreatedSource } from './types.ts';

export function SourceForm({ onCancel, onCreated }: { onCancel(): void; onCreated(created: CreatedSource): void }) {
  const { t } = useI18n();
  const { busy, submit } = useSubmit();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<SourceKind>('push');
  const [platform, setPlatform] = useState('');
  const [url, setUrl] = useState('');
  const [pollMinutes, setPollMinutes] = useState('60');
  const [competitor, setCompetitor] = useState('');

  const create = async () => {
    const body: Parameters<typeof createSource>[0] = { name: name.trim(), kind };
    if (platform.trim()) body.platform = platform.trim();
    if (competitor.trim()) body.competitor = competitor.trim();
    if (kind === 'rss') {
      body.url = url.trim();
      body.pollMinutes = Number(pollMinutes);
    }
    onCreated(await createSource(body));
  };

  return (
    <InlineForm onSubmit={submit(create)}>
      <div className="form-row">
        <Field label={t('common.name')}>
          <input name="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label={t('sources.kind')}>
          <EnumSelect name="kind" values={creatableSourceKinds} labelOf={(k) => t(`sources.sourceKind.${k}`)} value={kind} onChange={setKind} />
        </Field>
        <Field label={t('sources.platform')} optional>
          <input name="platform" placeholder={t('sources.platformHint')} value={platform} onChange={(e) => setPlatform(e.target.value)} />
        </Field>
        <Field label={t('sources.competitor')} optional>
          <input name="competitor" maxLength={200} value={competitor} onChange={(e) => setCompetitor(e.target.value)} />
        </Field>
      </div>
      {kind === 'rss' && (
        <div className="form-row">
          <Field label={t('sources.url')} width="wide">
            <input name="url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
          </Field>
          <Field label={t('sources.pollMinutes')} width="narrow">
            <input name="pollMinutes" type="number" min={5} required value={pollMinutes} onChange={(e) => setPollMinutes(e.target.value)} />
          </Field>
        </div>
      )}
      <FormActions submitLabel={t('common.create')} onCancel={onCancel} busy={busy} disabled={!name.trim()} />
    </InlineForm>
  );
}
