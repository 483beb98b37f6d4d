import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { replyRules, type CaseTier } from '../../lib/vocab.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { editReply, getReplySettings, replyAction } from './api.ts';
import { FindingList, findingsOf, MarkedDraft } from './MarkedDraft.tsx';
import { ReplyEditor } from './ReplyEditor.tsx';
import type { Reply } from './types.ts';

/**
 * Saved replies and internal notes: edit until posted, submit for approval and approve (both
 * blocked while a check fails; with four-eyes the author of a public reply waits for a second
 * person), then post by hand and record where.
 */
export function ReplyList({ replies, tier = 'general', onChanged }: { replies: Reply[]; tier?: CaseTier; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  const fourEyes = useResource(getReplySettings, [], { fallback: { fourEyes: true }, quiet: true }).data?.fourEyes ?? true;
  if (replies.length === 0) return <p className="muted">{t('reply.none')}</p>;
  const sorted = [...replies].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <ul className="reply-list">
      {sorted.map((r) => (
        <ReplyItem key={r.id} reply={r} tier={tier} fourEyes={fourEyes} onChanged={onChanged} />
      ))}
    </ul>
  );
}

function ReplyItem({ reply, tier, fourEyes, onChanged }: { reply: Reply; tier: CaseTier; fourEyes: boolean; onChanged(): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const { can, notify, me } = useApp();
  const [url, setUrl] = useState('');
  const [editing, setEditing] = useState(false);
  const { busy, error, run, submit } = useSubmit('refused');
  const findings = findingsOf(reply);
  const checksOk = reply.privacy.ok && reply.brandVoice.ok;
  const outward = replyRules.isOutward(reply.kind);
  const waiting = replyRules.awaitsApproval(reply);
  const secondPerson = replyRules.fourEyesBlocks(reply, me.id, fourEyes);
  const canWork = can('cases.work');

  const act =
    (action: () => Promise<unknown>, message = t('common.saved')) =>
    async () => {
      await action();
      notify(message);
      await onChanged();
    };

  if (editing) {
    return (
      <li className="reply-item" data-testid="reply" data-status={reply.status} data-kind={reply.kind}>
        <ReplyEditor
          caseId={reply.caseId}
          tier={tier}
          patientLang={reply.lang}
          editing={reply}
          onCancel={() => setEditing(false)}
          onSaved={async () => {
            setEditing(false);
            await onChanged();
          }}
        />
      </li>
    );
  }

  return (
    <li className="reply-item" data-testid="reply" data-status={reply.status} data-kind={reply.kind}>
      <div className="record-head">
        {outward ? <span className={`badge badge-reply-${reply.status}`}>{t(`reply.status.${reply.status}`)}</span> : <span className="badge badge-reply-internal">{t('reply.internal')}</span>}
        <span className="badge badge-lang">{reply.lang.toUpperCase()}</span>
        {outward && <span className="badge">{reply.kind === 'public' ? t('reply.public') : t('reply.private')}</span>}
        <span className="muted small">{formatDate(reply.createdAt)}</span>
        {reply.createdByName && <span className="muted small">{t('reply.by', { name: reply.createdByName })}</span>}
        {reply.approvedByName && reply.status !== 'draft' && reply.status !== 'ready' && <span className="muted small">{t('reply.approvedBy', { name: reply.approvedByName })}</span>}
      </div>
      <MarkedDraft text={reply.text} findings={findings} />
      <FindingList findings={findings} />
      <FormError error={error} />
      <div className="reply-actions">
        {canWork && reply.status !== 'posted' && (
          <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
            {t('reply.edit')}
          </button>
        )}
        {outward && reply.status === 'draft' && canWork && (
          <button type="button" className="btn btn-small" disabled={busy || !checksOk} onClick={() => void run(act(() => editReply(reply.id, { status: 'ready' }), t('reply.submitted')))}>
            {t('reply.submit')}
          </button>
        )}
        {waiting && can('replies.publish') && !secondPerson && (
          <button type="button" className="btn btn-primary btn-small" disabled={busy || !checksOk} onClick={() => void run(act(() => replyAction(reply.id, 'approve')))}>
            {t('reply.approve')}
          </button>
        )}
        {waiting && !checksOk && <span className="muted small">{t('reply.approveBlocked')}</span>}
        {reply.status === 'ready' && checksOk && secondPerson && (
          <span className="muted small" data-testid="reply-waiting-second">
            {t('reply.waitingSecond')}
          </span>
        )}
        {reply.status === 'ready' && checksOk && !secondPerson && !can('replies.publish') && <span className="muted small">{t('reply.waitingApprover')}</span>}
        {reply.status !== 'draft' && reply.status !== 'ready' && outward && (
          <span className="copy-line">
            <code className="visually-hidden">{reply.text}</code>
            <CopyButton text={reply.text} />
          </span>
        )}
        {reply.status === 'approved' && canWork && (
          <form className="posted-form" onSubmit={submit(act(() => replyAction(reply.id, 'posted', { url: url.trim() || undefined })))}>
            <input name="postedUrl" type="url" placeholder={t('reply.postedUrl')} aria-label={t('reply.postedUrl')} value={url} onChange={(e) => setUrl(e.target.value)} />
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
