import { useState } from 'react';
import { locales, useI18n, type Locale, type MessageKey } from '../../i18n/index.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { advocateInviteChannels, type AdvocateInviteChannel } from '../../lib/vocab.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { EnumSelect, Select } from '../../ui/Select.tsx';
import { invite, type Advocate } from './api.ts';

/** Invites a patient (e-mail, SMS or in person) or an author (in person) to the programme; shows the join page's link afterwards. */
export function InviteDialog({ advocate, onClose, onDone }: { advocate: Advocate; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const channels = advocate.kind === 'author' ? (['in_person'] as const) : advocateInviteChannels;
  const [channel, setChannel] = useState<AdvocateInviteChannel>(advocate.kind === 'author' ? 'in_person' : 'email');
  const [locale, setLocale] = useState<Locale | ''>('');
  const [note, setNote] = useState('');
  const [made, setMade] = useState<{ url: string; channel: AdvocateInviteChannel } | null>(null);
  const { busy, error, submit } = useSubmit('refused');

  if (made) {
    return (
      <Modal title={t('adv.inviteTitle', { name: advocate.name })} onClose={onClose}>
        <p>{t('adv.invited')}</p>
        <p>
          <code className="adv-url" data-testid="adv-join-url">
            {made.url}
          </code>{' '}
          <CopyButton text={made.url} />
        </p>
        {made.channel === 'in_person' && <p className="muted small">{t('adv.invitedInPerson')}</p>}
      </Modal>
    );
  }
  return (
    <FormDialog
      title={t('adv.inviteTitle', { name: advocate.name })}
      onClose={onClose}
      submitLabel={t('adv.send')}
      busy={busy}
      error={error}
      onSubmit={submit(async () => {
        const body = advocate.kind === 'patient' ? { kind: 'patient' as const, patientId: advocate.id } : { kind: 'author' as const, authorKey: advocate.id };
        const r = await invite({ ...body, channel, ...(note ? { note } : {}), ...(locale ? { locale } : {}) });
        setMade({ url: r.url, channel });
        onDone();
      })}
    >
      <p className="muted small">{t('adv.inviteHint')}</p>
      <Field label={t('adv.channel')}>
        <EnumSelect values={channels} value={channel} onChange={setChannel} labelOf={(c) => t(`adv.channel.${c}` as MessageKey)} />
      </Field>
      <Field label={t('adv.language')} optional>
        <Select options={locales.map((l) => ({ value: l.id, label: l.label }))} value={locale} onChange={setLocale} emptyLabel={t('adv.languageDefault')} />
      </Field>
      <Field label={t('adv.note')} optional>
        <textarea value={note} maxLength={2000} rows={3} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
