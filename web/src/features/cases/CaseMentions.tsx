import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { Link } from '../../lib/router.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { LangBadge, Stars } from '../../ui/badges.tsx';
import { ConfirmButton } from '../../ui/ConfirmButton.tsx';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { HighlightedText } from '../../ui/HighlightedText.tsx';
import { Modal } from '../../ui/Modal.tsx';
import { Spinner } from '../../ui/states.tsx';
import { linkMention, searchMentions, unlinkMention } from './api.ts';
import type { CaseDetail } from './types.ts';

/** Every mention of the case (text, author, source, date, sentiment), with unlinking and linking another by hand. */
export function CaseMentions({ detail, onChanged }: { detail: CaseDetail; onChanged(): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const { can, notify } = useApp();
  const [linking, setLinking] = useState(false);
  const { busy, run } = useSubmit();
  const c = detail.case;
  const canEdit = can('cases.work') && c.status !== 'closed';
  // The first mention opened the case and stays with it.
  const origin = c.mentionIds[0];
  const unlink = (mentionId: string) =>
    run(async () => {
      await unlinkMention(c.id, mentionId);
      notify(t('link.unlinked'));
      await onChanged();
    });

  return (
    <section className="card" data-testid="case-mentions">
      <div className="card-head">
        <h2>
          {t('case.mentions')} <span className="count-pill">{detail.mentions.length}</span>
        </h2>
        {canEdit && (
          <button type="button" className="btn btn-small" data-testid="link-mention" onClick={() => setLinking(true)}>
            + {t('link.button')}
          </button>
        )}
      </div>
      {detail.mentions.length === 0 && <p className="muted">{t('common.none')}</p>}
      {detail.mentions.map((m) => (
        <article key={m.id} className="case-mention" data-testid="case-mention">
          <div className="case-mention-head small">
            <span className="strong">{m.sourceName}</span>
            {m.authorHandle && (
              <span title={t('caseMention.author')}>
                {'· '}
                {m.authorHandle}
              </span>
            )}
            <Stars rating={m.rating} />
            <LangBadge lang={m.lang} />
            {m.analysis && <span className={`badge badge-${m.analysis.sentiment.label}`}>{t(`sentiment.${m.analysis.sentiment.label}`)}</span>}
            <span className="muted">{formatDate(m.publishedAt ?? m.receivedAt)}</span>
            <span className="spacer" />
            {m.id === origin && detail.mentions.length > 1 && <span className="muted">{t('link.origin')}</span>}
            {canEdit && m.id !== origin && (
              <ConfirmButton className="btn btn-small btn-link" question={t('link.unlinkConfirm')} disabled={busy} onConfirm={() => void unlink(m.id)}>
                {t('link.unlink')}
              </ConfirmButton>
            )}
            <Link href={`/inbox?mention=${encodeURIComponent(m.id)}`}>{t('case.openInInbox')} →</Link>
          </div>
          {m.title && <div className="strong">{m.title}</div>}
          <HighlightedText text={m.text} analysis={m.analysis} />
        </article>
      ))}
      {linking && <LinkMentionDialog caseId={c.id} linked={c.mentionIds} onClose={() => setLinking(false)} onDone={onChanged} />}
    </section>
  );
}

/** Find a mention by its words or author (the inbox's search) and link it to this case. */
function LinkMentionDialog({ caseId, linked, onClose, onDone }: { caseId: string; linked: readonly string[]; onClose(): void; onDone(): Promise<void> }) {
  const { t, formatDate } = useI18n();
  const { notify } = useApp();
  const [q, setQ] = useState('');
  const [reason, setReason] = useState('');
  const term = q.trim();
  const hits = useResource(() => (term.length >= 2 ? searchMentions(term) : Promise.resolve([])), [term], { fallback: [] }).data;
  const { busy, error, run } = useSubmit('refused');
  const link = (mentionId: string) =>
    run(async () => {
      await linkMention(caseId, mentionId, reason.trim() || undefined);
      notify(t('link.done'));
      onClose();
      await onDone();
    });

  return (
    <Modal title={t('link.title')} onClose={onClose}>
      <div className="form link-mention">
        <FormError error={error} />
        <Field label={t('link.search')} hint={term.length < 2 ? t('link.searchHint') : undefined}>
          <input type="search" name="mentionSearch" autoFocus value={q} onChange={(e) => setQ(e.target.value)} />
        </Field>
        <Field label={t('link.reason')} optional>
          <input name="linkReason" maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        {hits === null ? (
          <Spinner />
        ) : term.length >= 2 && hits.length === 0 ? (
          <p className="muted">{t('link.none')}</p>
        ) : (
          <ul className="link-hits" data-testid="link-hits">
            {hits.map((m) => (
              <li key={m.id} className="link-hit" data-in-case={m.status === 'in_case'}>
                <div className="link-hit-text">
                  <div className="small muted">
                    {m.sourceName}
                    {m.authorHandle ? ` · ${m.authorHandle}` : ''} · {formatDate(m.publishedAt ?? m.receivedAt)}
                  </div>
                  <div className="cell-clip">{m.text}</div>
                </div>
                {m.status === 'in_case' && !linked.includes(m.id) && <span className="badge">{t('link.inOtherCase')}</span>}
                {linked.includes(m.id) ? (
                  <span className="muted small">{t('link.inCase')}</span>
                ) : (
                  <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void link(m.id)}>
                    {t('link.link')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </Modal>
  );
}
