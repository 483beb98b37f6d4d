import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Modal } from '../components/ui.tsx';
import type { Mention, MentionKind } from '../types.ts';

const manualKinds: MentionKind[] = ['offline_complaint', 'hotline_note', 'survey_text', 'comment'];

function localNow(): string {
  const now = new Date();
  now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
  return now.toISOString().slice(0, 16);
}

export function ManualEntryDialog({ onClose, onCreated }: { onClose(): void; onCreated(mention: Mention): void }) {
  const { t } = useI18n();
  const { org, reportError, notify } = useApp();
  const [kind, setKind] = useState<MentionKind>('offline_complaint');
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [rating, setRating] = useState('');
  const [locationId, setLocationId] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [when, setWhen] = useState(localNow);
  const [busy, setBusy] = useState(false);

  const departments = (org?.departments ?? []).filter((d) => !locationId || !d.locationId || d.locationId === locationId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const body: Record<string, unknown> = { kind, text };
      if (author.trim()) body.authorHandle = author.trim();
      if (rating) {
        body.ratingRaw = Number(rating);
        body.ratingScale = 5;
      }
      if (locationId) body.locationId = locationId;
      if (departmentId) body.departmentId = departmentId;
      if (when) body.publishedAt = new Date(when).toISOString();
      const res = await api<{ mention: Mention }>('/api/mentions', { method: 'POST', body });
      notify(t('manual.created'));
      onCreated(res.mention);
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('manual.title')} onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('manual.kind')}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as MentionKind)}>
            {manualKinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('manual.text')}</span>
          <textarea name="text" required rows={6} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="form-row">
          <label className="field">
            <span>
              {t('manual.author')} <em className="muted">({t('common.optional')})</em>
            </span>
            <input name="authorHandle" value={author} onChange={(e) => setAuthor(e.target.value)} />
            <small className="muted">{t('manual.authorHint')}</small>
          </label>
          <label className="field field-narrow">
            <span>
              {t('manual.rating')} <em className="muted">({t('common.optional')})</em>
            </span>
            <select name="rating" value={rating} onChange={(e) => setRating(e.target.value)}>
              <option value="">{t('common.none')}</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {'★'.repeat(n)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="form-row">
          <label className="field">
            <span>{t('manual.location')}</span>
            <select name="locationId" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
              <option value="">{t('common.none')}</option>
              {(org?.locations ?? []).map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('manual.department')}</span>
            <select name="departmentId" value={departmentId} onChange={(e) => setDepartmentId(e.target.value)}>
              <option value="">{t('common.none')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('manual.date')}</span>
            <input type="datetime-local" name="publishedAt" value={when} onChange={(e) => setWhen(e.target.value)} />
          </label>
        </div>
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !text.trim()}>
            {t('manual.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
