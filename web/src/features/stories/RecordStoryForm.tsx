import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { navigate } from '../../lib/router.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { consentDurations, consentUses, materialConnections, useChannels, type ConsentDuration, type ConsentUse, type MaterialConnection, type PublicationChannel } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { MultiCheck } from '../../ui/MultiCheck.tsx';
import { EnumSelect, Select, optionsOf } from '../../ui/Select.tsx';
import { createStory } from './api.ts';

type Consent = { on: boolean; channels: PublicationChannel[]; duration: ConsentDuration };
const LOCALES = ['zh-CN', 'ru', 'en'] as const;

/** Staff record a story the patient told them (or wrote on paper), with each consent as given and who recorded it. */
export function RecordStoryForm({ patientId }: { patientId: string | null }) {
  const { t, locale } = useI18n();
  const { org, notify } = useApp();
  const { busy, error, submit } = useSubmit('invalid');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [authorName, setAuthorName] = useState('');
  const [videoUrl, setVideoUrl] = useState('');
  const [storyLocale, setStoryLocale] = useState<(typeof LOCALES)[number]>((LOCALES as readonly string[]).includes(locale) ? (locale as (typeof LOCALES)[number]) : 'zh-CN');
  const [departmentId, setDepartmentId] = useState<string>('');
  const [staffId, setStaffId] = useState<string>('');
  const [material, setMaterial] = useState<MaterialConnection>('none');
  const [via, setVia] = useState<'staff_on_behalf' | 'paper'>('paper');
  const [note, setNote] = useState('');
  const [consents, setConsents] = useState<Record<ConsentUse, Consent>>(
    () => Object.fromEntries(consentUses.map((u) => [u, { on: false, channels: [...useChannels[u]], duration: '1y' as ConsentDuration }])) as Record<ConsentUse, Consent>,
  );
  const setConsent = (use: ConsentUse, patch: Partial<Consent>) => setConsents((c) => ({ ...c, [use]: { ...c[use], ...patch } }));

  const save = () =>
    createStory({
      patientId,
      title,
      body,
      authorName,
      videoUrl,
      locale: storyLocale,
      departmentId: departmentId || null,
      staffId: staffId || null,
      materialConnection: material,
      via,
      consentNote: note,
      consents: consentUses.filter((u) => consents[u].on).map((u) => ({ use: u, channels: consents[u].channels, duration: consents[u].duration })),
    }).then((d) => {
      notify(t('sty.recorded'));
      navigate(`/stories/${d.story.id}`);
    });

  return (
    <section className="card" data-testid="record-story">
      <h2>{t('sty.record.title')}</h2>
      <p className="muted small">{t('sty.record.hint')}</p>
      <form className="form" onSubmit={submit(save)}>
        {patientId && <p className="small">{t('sty.record.forPatient')}</p>}
        <div className="form-grid">
          <Field label={t('sty.form.title')}>
            <input type="text" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} required />
          </Field>
          <Field label={t('sty.form.author')} optional hint={t('sty.form.authorHint')}>
            <input type="text" value={authorName} maxLength={200} onChange={(e) => setAuthorName(e.target.value)} />
          </Field>
          <Field label={t('sty.form.locale')}>
            <EnumSelect values={LOCALES} value={storyLocale} onChange={setStoryLocale} labelOf={(l) => t(`sty.locale.${l}`)} />
          </Field>
        </div>
        <Field label={t('sty.form.body')} width="wide">
          <textarea rows={6} value={body} maxLength={8000} onChange={(e) => setBody(e.target.value)} required />
        </Field>
        <div className="form-grid">
          <Field label={t('sty.form.video')} optional>
            <input type="url" value={videoUrl} onChange={(e) => setVideoUrl(e.target.value)} placeholder="https://" />
          </Field>
          <Field label={t('sty.department')} optional>
            <Select options={optionsOf(org?.departments, (d) => d.name)} value={departmentId} onChange={setDepartmentId} emptyLabel="—" />
          </Field>
          <Field label={t('sty.doctor')} optional>
            <Select options={optionsOf(org?.staff, (s) => s.name)} value={staffId} onChange={setStaffId} emptyLabel="—" />
          </Field>
          <Field label={t('sty.material')}>
            <EnumSelect values={materialConnections} value={material} onChange={setMaterial} labelOf={(m) => t(`sty.material.${m}`)} />
          </Field>
        </div>
        <h3>{t('sty.consents')}</h3>
        <div className="sty-consent-grid">
          {consentUses.map((u) => (
            <fieldset key={u} className="fieldset sty-consent-box" data-use={u}>
              <label className="check">
                <input type="checkbox" checked={consents[u].on} onChange={(e) => setConsent(u, { on: e.target.checked })} />
                <strong>{t(`sty.use.${u}`)}</strong>
              </label>
              {consents[u].on && (
                <>
                  <MultiCheck
                    name={`channels-${u}`}
                    options={useChannels[u].map((c) => ({ value: c, label: t(`sty.channel.${c}`) }))}
                    value={consents[u].channels}
                    onChange={(next) => setConsent(u, { channels: next as PublicationChannel[] })}
                  />
                  <Field label={t('sty.form.duration')}>
                    <EnumSelect values={consentDurations} value={consents[u].duration} onChange={(d) => setConsent(u, { duration: d })} labelOf={(d) => t(`sty.duration.${d}`)} />
                  </Field>
                </>
              )}
            </fieldset>
          ))}
        </div>
        <div className="form-grid">
          <Field label={t('sty.form.via')}>
            <EnumSelect values={['paper', 'staff_on_behalf'] as const} value={via} onChange={setVia} labelOf={(v) => t(`sty.via.${v}`)} />
          </Field>
          <Field label={t('sty.form.consentNote')} optional hint={t('sty.form.consentNoteHint')} width="wide">
            <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </div>
        <FormError error={error} />
        <FormActions submitLabel={t('sty.record.save')} busy={busy} />
      </form>
    </section>
  );
}
