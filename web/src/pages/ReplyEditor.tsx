import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../app-context.tsx';
import { useI18n } from '../i18n/index.tsx';
import { CopyButton } from '../components/ui.tsx';
import { segmentFindings, type FindingMark } from '../components/finding-spans.ts';
import { mentionLanguages, type CaseTier, type Reply, type ReplyCheck, type ReplyLang, type ReplyTemplate } from '../types.ts';

const checkDelayMs = 400;

function findingsOf(check: Pick<ReplyCheck, 'privacy' | 'brandVoice'> | { privacy: Reply['privacy']; brandVoice: Reply['brandVoice'] }): FindingMark[] {
  return [
    ...(check.privacy?.findings ?? []).map((f) => ({ ...f, check: 'privacy' as const })),
    ...(check.brandVoice?.findings ?? []).map((f) => ({ ...f, check: 'brandVoice' as const })),
  ];
}

/** The draft with every finding marked: React elements only, so the text stays text. */
export function MarkedDraft({ text, findings }: { text: string; findings: FindingMark[] }) {
  const nodes: ReactNode[] = segmentFindings(text.length, findings).map((s) => {
    const piece = text.slice(s.start, s.end);
    if (s.marks.length === 0) return piece;
    const isPrivacy = s.marks.some((m) => m.check === 'privacy');
    return (
      <mark key={s.start} className={`hl ${isPrivacy ? 'hl-privacy' : 'hl-voice'}`} title={s.marks.map((m) => m.reason).join('\n')}>
        {piece}
      </mark>
    );
  });
  return <div className="reply-preview mention-text" data-testid="reply-preview">{nodes}</div>;
}

export function FindingList({ findings }: { findings: FindingMark[] }) {
  const { t } = useI18n();
  if (findings.length === 0) return null;
  return (
    <ul className="finding-list" data-testid="reply-findings">
      {findings.map((f, i) => (
        <li key={i} className={f.check === 'privacy' ? 'finding-privacy' : 'finding-voice'}>
          <span className="badge">{f.check === 'privacy' ? t('reply.privacy') : t('reply.brandVoice')}</span>{' '}
          {f.term && <q className="strong">{f.term}</q>} {f.reason}
        </li>
      ))}
    </ul>
  );
}

/** Drafts a reply from a template, checking privacy and brand voice while the user types. */
export function ReplyEditor({
  caseId,
  tier,
  patientLang,
  onSaved,
}: {
  caseId: string;
  tier: CaseTier;
  /** The language the patient wrote in; a reply is usually in the same one. */
  patientLang: string | null;
  onSaved(): Promise<void>;
}) {
  const { t, locale } = useI18n();
  const { reportError, notify } = useApp();
  const [templates, setTemplates] = useState<ReplyTemplate[]>([]);
  const [lang, setLang] = useState<ReplyLang>(() => {
    const known = mentionLanguages.find((l) => l === patientLang);
    return known ?? (locale === 'zh-CN' ? 'zh' : locale);
  });
  const [kind, setKind] = useState<'public' | 'private'>('public');
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [check, setCheck] = useState<{ text: string; lang: string; result: ReplyCheck } | null>(null);
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api<{ items: ReplyTemplate[] }>('/api/reply-templates')
      .then((res) => setTemplates(res.items))
      .catch(() => setTemplates([]));
  }, []);

  // Debounced live check; an answer for an older draft is dropped when a newer one is on its way.
  useEffect(() => {
    if (!text.trim()) {
      setCheck(null);
      return;
    }
    let live = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      api<ReplyCheck>('/api/replies/check', { method: 'POST', body: { text, lang } })
        .then((result) => {
          if (live) setCheck({ text, lang, result });
        })
        .catch((error) => {
          if (live) reportError(error);
        })
        .finally(() => {
          if (live) setChecking(false);
        });
    }, checkDelayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, lang, reportError]);

  const forLang = templates.filter((x) => x.lang === lang);
  const sorted = [...forLang].sort((a, b) => Number(b.tier === tier) - Number(a.tier === tier));
  const current = check && check.text === text && check.lang === lang ? check.result : null;
  const findings = useMemo(() => (current ? findingsOf(current) : []), [current]);
  const isOk = current ? current.privacy.ok && current.brandVoice.ok : null;

  const applyTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((x) => x.id === id);
    if (template && (!text.trim() || window.confirm(t('reply.replaceDraft')))) setText(template.text);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await api(`/api/cases/${encodeURIComponent(caseId)}/replies`, {
        method: 'POST',
        body: { text, lang, kind, templateId: templateId || undefined },
      });
      notify(t('reply.saved'));
      setText('');
      setTemplateId('');
      await onSaved();
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form reply-editor" onSubmit={(e) => void save(e)} data-testid="reply-editor">
      <h3>{t('reply.newDraft')}</h3>
      <div className="form-row">
        <label className="field">
          <span>{t('reply.template')}</span>
          <select name="template" value={templateId} onChange={(e) => applyTemplate(e.target.value)}>
            <option value="">{forLang.length ? t('reply.noTemplate') : t('reply.noTemplates')}</option>
            {sorted.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
                {x.tier ? ` · ${t(`tier.${x.tier as CaseTier}`)}` : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-narrow">
          <span>{t('reply.language')}</span>
          <select name="replyLang" value={lang} onChange={(e) => setLang(e.target.value as ReplyLang)}>
            {mentionLanguages.map((l) => (
              <option key={l} value={l}>
                {t(`lang.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-narrow">
          <span>{t('reply.kind')}</span>
          <select name="replyKind" value={kind} onChange={(e) => setKind(e.target.value as 'public' | 'private')}>
            <option value="public">{t('reply.public')}</option>
            <option value="private">{t('reply.private')}</option>
          </select>
        </label>
      </div>
      <label className="field">
        <span>{t('reply.text')}</span>
        <textarea name="replyText" rows={5} required value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {text.trim() && (
        <div className="reply-check" data-testid="reply-check" data-ok={isOk === null ? 'pending' : String(isOk)}>
          <div className="reply-check-head">
            <span className="field-label">{t('reply.preview')}</span>
            {checking || isOk === null ? (
              <span className="muted small">{t('reply.checking')}</span>
            ) : isOk ? (
              <span className="badge badge-positive">✓ {t('reply.checkOk')}</span>
            ) : (
              <span className="badge badge-negative">⚠ {t('reply.checkProblems', { n: findings.length })}</span>
            )}
          </div>
          <MarkedDraft text={text} findings={findings} />
          <FindingList findings={findings} />
        </div>
      )}
      <div className="form-actions">
        <span className="muted small spacer">{t('reply.approvalHint')}</span>
        <button type="submit" className="btn btn-primary" disabled={busy || !text.trim()}>
          {t('reply.saveDraft')}
        </button>
      </div>
    </form>
  );
}

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
  const { can, reportError, notify } = useApp();
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const findings = findingsOf(reply);

  const act = async (path: string, body?: unknown) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/replies/${encodeURIComponent(reply.id)}/${path}`, { method: 'POST', body });
      notify(t('common.saved'));
      await onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) setError(err.message);
      else reportError(err);
    } finally {
      setBusy(false);
    }
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
      {error && (
        <div className="form-error" role="alert">
          {error}
        </div>
      )}
      <div className="reply-actions">
        {reply.status === 'draft' && can('replies.publish') && (
          <button type="button" className="btn btn-primary btn-small" disabled={busy} onClick={() => void act('approve')}>
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
          <form
            className="posted-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act('posted', { url: url.trim() || undefined });
            }}
          >
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
