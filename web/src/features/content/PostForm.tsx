import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { ApiError } from '../../lib/api.ts';
import { useNotices } from '../../lib/notices.tsx';
import { consentUses, markets, postStatuses, publicationChannels, type ConsentUse, type PublicationChannel } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { createPost, updatePost, type Post, type Refusal, type StoryOption } from './api.ts';
import { RefusalBox } from './Refusal.tsx';

type Market = (typeof markets)[number];
type Status = Exclude<Post['status'], 'taken_down'>;
const pad = (n: number) => String(n).padStart(2, '0');
const localInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** One story's consents in a line: use, channels and until when, or revoked. */
export function ConsentSummary({ story }: { story: StoryOption }) {
  const { t, formatDate } = useI18n();
  if (story.consents.length === 0) return <span className="small muted">{t('cnt.consentNone')}</span>;
  return (
    <span className="cnt-consents">
      {story.consents.map((c, i) => (
        <span key={i} className={`chip ${c.revoked ? 'chip-negative' : 'chip-positive'}`}>
          {t(`sty.use.${c.use}`)}: {c.channels.map((ch) => t(`sty.channel.${ch as PublicationChannel}`)).join(', ')}
          {c.revoked ? ` · ${t('cnt.consentRevoked')}` : c.validUntil ? ` · ${t('cnt.consentUntil', { date: formatDate(c.validUntil, false) })}` : ''}
        </span>
      ))}
    </span>
  );
}

/** Creates or edits a post; a refused schedule shows each story's rules, laws and reasons. */
export function PostForm({
  post,
  stories,
  initialStoryId,
  readOnly,
  onSaved,
  onCancel,
}: {
  post: Post | null;
  stories: StoryOption[];
  initialStoryId?: string;
  readOnly: boolean;
  onSaved(): void;
  onCancel(): void;
}) {
  const { t, formatDate } = useI18n();
  const { notify } = useNotices();
  const [title, setTitle] = useState(post?.title ?? '');
  const [body, setBody] = useState(post?.body ?? '');
  const [channel, setChannel] = useState<PublicationChannel>(post?.channel ?? 'wechat');
  const [use, setUse] = useState<ConsentUse>(post?.use ?? 'social');
  const [market, setMarket] = useState<Market | ''>(post?.market ?? '');
  const [when, setWhen] = useState(localInput(post?.scheduledFor ? String(post.scheduledFor) : null));
  const [status, setStatus] = useState<Post['status']>(post?.status ?? 'draft');
  const [storyIds, setStoryIds] = useState<string[]>(post?.stories.map((s) => s.id) ?? (initialStoryId ? [initialStoryId] : []));
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ message: string; refusals: Refusal[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const statuses = postStatuses.filter((s) => s !== 'taken_down' || post?.status === 'taken_down');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setRefusal(null);
    setError(null);
    const scheduledFor = when ? new Date(when).toISOString() : null;
    try {
      const fields = { title, body, channel, use, scheduledFor, storyIds, ...(market ? { market } : {}) };
      if (post) await updatePost(post.id, { ...fields, ...(status !== post.status ? { status } : {}) });
      else await createPost({ ...fields, status: status as Status });
      notify(t('cnt.saved'));
      onSaved();
    } catch (err) {
      const refusals = err instanceof ApiError ? (err.details as { refusals?: Refusal[] } | undefined)?.refusals : undefined;
      if (refusals) setRefusal({ message: err instanceof Error ? err.message : String(err), refusals });
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="cnt-post-form" data-testid="post-form">
      {post?.status === 'taken_down' && (
        <div className="cnt-refusal" role="status" data-testid="post-taken-down">
          <strong>{t('cnt.takenDown')}</strong>
          <ul>
            {post.flags.map((f) => (
              <li key={f.storyId} className="small">
                {t('cnt.flagLine', { story: f.storyTitle, reason: t(`cnt.flagReason.${f.reason}`), date: formatDate(String(f.at)) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset disabled={readOnly || busy}>
        <Field label={t('cnt.field.title')}>
          <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} name="title" />
        </Field>
        <Field label={t('cnt.field.body')} optional>
          <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={3} />
        </Field>
        <div className="form-row cnt-form-row">
          <Field label={t('cnt.field.channel')}>
            <EnumSelect values={publicationChannels} value={channel} onChange={setChannel} labelOf={(c) => t(`sty.channel.${c}`)} name="channel" />
          </Field>
          <Field label={t('cnt.field.use')}>
            <EnumSelect values={consentUses} value={use} onChange={setUse} labelOf={(u) => t(`sty.use.${u}`)} name="use" />
          </Field>
          <Field label={t('cnt.field.market')}>
            <EnumSelect values={markets} value={market} onChange={setMarket} emptyLabel={t('cnt.marketDefault')} labelOf={(m) => t(`cnt.market.${m}`)} />
          </Field>
        </div>
        <div className="form-row cnt-form-row">
          <Field label={t('cnt.field.when')} optional>
            <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} name="when" />
          </Field>
          <Field label={t('cnt.field.status')}>
            <EnumSelect values={statuses} value={status} onChange={setStatus} labelOf={(s) => t(`cnt.status.${s}`)} name="status" />
          </Field>
        </div>
        <Field label={t('cnt.field.stories')} group hint={t('cnt.storiesHint')}>
          {stories.length === 0 && <p className="muted small">{t('cnt.noStories')}</p>}
          <ul className="cnt-story-pick">
            {stories.map((s) => (
              <li key={s.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={storyIds.includes(s.id)}
                    onChange={(e) => setStoryIds(e.target.checked ? [...storyIds, s.id] : storyIds.filter((x) => x !== s.id))}
                    data-story={s.id}
                  />
                  <span>
                    <strong>{s.title}</strong> <span className="badge badge-neutral">{t(`sty.status.${s.status}`)}</span>
                    <br />
                    <ConsentSummary story={s} />
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </Field>
      </fieldset>
      {refusal && <RefusalBox title={t('cnt.refusedTitle')} {...refusal} />}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        {!readOnly && (
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('cnt.save')}
          </button>
        )}
        <button type="button" className="btn" onClick={onCancel}>
          {t('cnt.cancel')}
        </button>
      </div>
    </form>
  );
}
