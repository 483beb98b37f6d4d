import { useEffect, useId, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { mentionLanguages, replyKinds, type CaseTier, type MentionLanguage, type ReplyKind } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormError } from '../../ui/FormError.tsx';
import { EnumSelect, Select } from '../../ui/Select.tsx';
import { checkReply, draftReply, editReply, listTemplates } from './api.ts';
import { FindingList, findingsOf, MarkedDraft } from './MarkedDraft.tsx';
import type { Reply, ReplyCheck, Suggestion } from './types.ts';

const checkDelayMs = 400;

interface Props {
  caseId: string;
  tier: CaseTier;
  /** The language the patient wrote in; a reply is usually in the same one. */
  patientLang: string | null;
  /** The reply being edited; a new one is drafted without it. */
  editing?: Reply;
  onCancel?: () => void;
  onSaved(): Promise<void>;
}

type SaveAs = 'draft' | 'ready';

/**
 * Drafts or edits a reply, checking privacy and brand voice while the user types. An outward reply
 * can be submitted for approval only once the checks pass; until then the editor says why and
 * offers the suggested safe text or keeping it as an internal note.
 */
export function ReplyEditor({ caseId, tier, patientLang, editing, onCancel, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { reportError, notify } = useApp();
  const templates = useResource(listTemplates, [], { fallback: [], quiet: true }).data ?? [];
  const [lang, setLang] = useState<MentionLanguage>(() => mentionLanguages.find((l) => l === (editing?.lang ?? patientLang)) ?? (locale === 'zh-CN' ? 'zh' : locale));
  const [kind, setKind] = useState<ReplyKind>(editing?.kind ?? 'public');
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState(editing?.text ?? '');
  const [check, setCheck] = useState<{ text: string; lang: string; result: ReplyCheck } | null>(null);
  const [checking, setChecking] = useState(false);
  const { busy, error, run } = useSubmit('invalid');
  const blockedId = useId();

  // Debounced live check; an answer for an older draft is dropped when a newer one is on its way.
  useEffect(() => {
    if (!text.trim()) {
      setCheck(null);
      return;
    }
    let live = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      checkReply(text, lang, caseId)
        .then((result) => {
          if (live) setCheck({ text, lang, result });
        })
        .catch((err) => {
          if (live) reportError(err);
        })
        .finally(() => {
          if (live) setChecking(false);
        });
    }, checkDelayMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [text, lang, caseId, reportError]);

  const forLang = templates.filter((x) => x.lang === lang);
  const sorted = [...forLang].sort((a, b) => Number(b.tier === tier) - Number(a.tier === tier));
  const current = check && check.text === text && check.lang === lang ? check.result : null;
  const findings = useMemo(() => (current ? findingsOf(current) : []), [current]);
  const isOk = current ? current.privacy.ok && current.brandVoice.ok : null;
  const outward = kind !== 'internal';
  const blocked = outward && isOk === false;
  const suggestions = blocked ? (current?.suggestions ?? []) : [];

  const applyTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((x) => x.id === id);
    if (template && (!text.trim() || window.confirm(t('reply.replaceDraft')))) setText(template.text);
  };
  const applySuggestion = (s: Suggestion) => {
    setText(s.text);
    if (s.templateId) setTemplateId(s.templateId);
  };

  const save = (status: SaveAs, asKind: ReplyKind = kind) =>
    run(async () => {
      const body = { text, lang, kind: asKind, status: asKind === 'internal' ? 'draft' : status } as const;
      if (editing) await editReply(editing.id, body);
      else await draftReply(caseId, { ...body, templateId: templateId || undefined });
      notify(t(asKind === 'internal' ? 'reply.noteSaved' : status === 'ready' ? 'reply.submitted' : 'reply.saved'));
      if (!editing) {
        setText('');
        setTemplateId('');
        setKind('public');
      }
      await onSaved();
    });

  return (
    <form
      className={`form reply-editor${editing ? ' reply-editor-edit' : ''}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!blocked && text.trim()) void save(outward ? 'ready' : 'draft');
      }}
      data-testid="reply-editor"
    >
      <h3>{editing ? t('reply.editTitle') : t('reply.newDraft')}</h3>
      <div className="form-row">
        <Field label={t('reply.template')}>
          <Select
            name="template"
            value={templateId}
            onChange={applyTemplate}
            emptyLabel={forLang.length ? t('reply.noTemplate') : t('reply.noTemplates')}
            options={sorted.map((x) => ({ value: x.id, label: `${x.name}${x.tier ? ` · ${t(`tier.${x.tier}`)}` : ''}` }))}
          />
        </Field>
        <Field label={t('reply.language')} width="narrow">
          <EnumSelect name="replyLang" values={mentionLanguages} labelOf={(l) => t(`lang.${l}`)} value={lang} onChange={setLang} />
        </Field>
        <Field label={t('reply.kind')} width="narrow">
          <EnumSelect name="replyKind" values={replyKinds} labelOf={(k) => t(`reply.${k}`)} value={kind} onChange={setKind} />
        </Field>
      </div>
      <Field label={t('reply.text')}>
        <textarea name="replyText" rows={5} required value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
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
      {suggestions.length > 0 && (
        <div className="reply-suggestions" data-testid="reply-suggestions">
          <span className="field-label">{t('reply.suggestions')}</span>
          <ul>
            {suggestions.map((s, i) => (
              <li key={i} className="reply-suggestion" data-source={s.source}>
                <span className="muted small">{s.source === 'template' ? t('reply.suggestion.template', { name: s.templateName ?? '' }) : t('reply.suggestion.masked')}</span>
                <p className="reply-suggestion-text">{s.text}</p>
                <button type="button" className="btn btn-small" onClick={() => applySuggestion(s)}>
                  {t('reply.useSuggestion')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormError error={error} />
      {blocked && (
        <p id={blockedId} className="reply-blocked small" role="status" data-testid="reply-blocked">
          {t('reply.blockedHint')}
        </p>
      )}
      {!outward && <p className="muted small">{t('reply.noteHint')}</p>}
      {editing?.status === 'approved' && <p className="muted small">{t('reply.approvedReeditHint')}</p>}
      <div className="form-actions reply-editor-actions">
        {outward && !blocked && <span className="muted small spacer">{t('reply.approvalHint')}</span>}
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
        {blocked && (
          <button type="button" className="btn" disabled={busy} onClick={() => void save('draft', 'internal')}>
            {t('reply.keepAsNote')}
          </button>
        )}
        {outward && (
          <button type="button" className="btn" disabled={busy || !text.trim()} onClick={() => void save('draft')}>
            {editing ? t('reply.saveChanges') : t('reply.saveDraft')}
          </button>
        )}
        <button type="submit" className="btn btn-primary" disabled={busy || !text.trim() || (outward && isOk !== true)} aria-describedby={blocked ? blockedId : undefined}>
          {outward ? t('reply.submit') : t('reply.saveNote')}
        </button>
      </div>
    </form>
  );
}
