import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { replyAction } from './api.ts';
import { FindingList, findingsOf, MarkedDraft } from './MarkedDraft.tsx';
import type { Reply } from './types.ts';

/** Saved replies: approve (blocked while a check fails), then post by hand and record where. */
export function ReplyList({ replies, onChanged }: { replies: Reply[]; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  if (replies.length === 0) return <p className="muted">{t('reply.none')}</p>;
  const sorted = [...replies].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="reply-list">
      {sorted.map((r) => (
        <ReplyItem key={r.id} reply={r} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function ReplyItem({ reply, onChanged }: { reply: Reply; onChanged(): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const { can, notify } = useApp();
  const [url, setUrl] = useState('');
  const { busy, error, run, submit } = useSubmit('invalid');
  const findings = findingsOf(reply);

  const act = (action: 'approve' | 'posted', body?: { url?: string }) => async () => {
    await replyAction(reply.id, action, body);
    notify(t('common.saved'));
    await onChanged();
  };

  return (
    <li className="reply-item" data-testid="reply" data-status={reply.status}>
      <div className="record-head">
        <span className={`badge badge-reply-${reply.status}`}>{t(`reply.status.${reply.status}`)}</span>
        <span className="badge badge-lang">{reply.lang.toUpperCase()}</span>
        <span className="badge">{reply.kind === 'public' ? t('reply.public') : t('reply.private')}</span>
        <span className="muted small">{formatDate(reply.createdAt)}</span>
      </div>
      <MarkedDraft text={reply.text} findings={findings} />
      <FindingList findings={findings} />
      <FormError error={error} />
      <div className="reply-actions">
        {reply.status === 'draft' && can('replies.publish') && (
          <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => void run(act('approve'))}>
            {t('reply.approve')}
          </button>
        )}
        {reply.status !== 'draft' && (
          <span className="copy-line">
            <code className="visually-hidden">{reply.text}</code>
            <CopyButton text={reply.text} />
          </span>
        )}
        {reply.status === 'approved' && can('cases.work') && (
          <form className="posted-form" onSubmit={submit(act('posted', { url: url.trim() || undefined }))}>
            <input name="postedUrl" type="url" placeholder={t('reply.postedUrl')} value={url} onChange={(e) => setUrl(e.target.value)} />
            <button type="submit" className="btn btn-small" disabled={busy}>
              {t('reply.markPosted')}
            </button>
          </form>
        )}
        {reply.status === 'posted' && reply.postedUrl && /^https?:\/\//i.test(reply.postedUrl) && (
          <a href={reply.postedUrl} target="_blank" rel="noopener noreferrer">
            {t('reply.viewPosted')} ↗
          </a>
        )}
      </div>
    </li>
  );
}
