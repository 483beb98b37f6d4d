import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { useSubmit } from '../../lib/use-submit.ts';
import { mentionLanguages, replyKinds, type CaseTier, type MentionLanguage, type ReplyKind } from '../../lib/vocab.ts';
import { Field } from '../../ui/Field.tsx';
import { FormActions } from '../../ui/FormActions.tsx';
import { EnumSelect, Select } from '../../ui/Select.tsx';
import { checkReply, draftReply, listTemplates } from './api.ts';
import { FindingList, findingsOf, MarkedDraft } from './MarkedDraft.tsx';
import type { ReplyCheck } from './types.ts';

const checkDelayMs = 400;

interface Props {
  caseId: string;
  tier: CaseTier;
  /** The language the patient wrote in; a reply is usually in the same one. */
  patientLang: string | null;
  onSaved(): Promise<void>;
}

/** Drafts a reply from a template, checking privacy and brand voice while the user types. */
export function ReplyEditor({ caseId, tier, patientLang, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { reportError, notify } = useApp();
  const templates = useResource(listTemplates, [], { fallback: [], quiet: true }).data ?? [];
  const [lang, setLang] = useState<MentionLanguage>(() => mentionLanguages.find((l) => l === patientLang) ?? (locale === 'zh-CN' ? 'zh' : locale));
  const [kind, setKind] = useState<ReplyKind>('public');
  const [templateId, setTemplateId] = useState('');
  const [text, setText] = useState('');
  const [check, setCheck] = useState<{ text: string; lang: string; result: ReplyCheck } | null>(null);
  const [checking, setChecking] = useState(false);
  const { busy, submit } = useSubmit();

  // Debounced live check; an answer for an older draft is dropped when a newer one is on its way.
  useEffect(() => {
    if (!text.trim()) {
      setCheck(null);
      return;
    }
    let live = true;
    setChecking(true);
    const timer = window.setTimeout(() => {
      checkReply(text, lang)
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

  const save = async () => {
    await draftReply(caseId, { text, lang, kind, templateId: templateId || undefined });
    notify(t('reply.saved'));
    setText('');
    setTemplateId('');
    await onSaved();
  };

  return (
    <form className="form reply-editor" onSubmit={submit(save)} data-testid="reply-editor">
      <h3>{t('reply.newDraft')}</h3>
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
      <FormActions submitLabel={t('reply.saveDraft')} busy={busy} disabled={!text.trim()}>
        <span className="muted small spacer">{t('reply.approvalHint')}</span>
      </FormActions>
    </form>
  );
}
