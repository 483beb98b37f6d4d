import { useState } from 'react';
import { locales, useI18n, type Locale } from '../../i18n/index.tsx';
import { useApp } from '../../lib/app-context.tsx';
import { useSubmit } from '../../lib/use-submit.ts';
import { questionTypes, type QuestionType } from '../../lib/vocab.ts';
import { FormError } from '../../ui/FormError.tsx';
import { EnumSelect } from '../../ui/Select.tsx';
import { Tabs } from '../../ui/Tabs.tsx';
import { saveVersion, type Survey } from './api.ts';
import { cleaned, move, newQuestion, type Definition, type Page } from './definition.ts';
import { QuestionEditor, TextInput } from './QuestionEditor.tsx';

export const LANGUAGE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', ru: 'Русский', en: 'English' };

/**
 * The question builder: pages of questions with their texts in the three languages (a tab per
 * language), options, the required flag, order; saving makes version N+1 (the server checks it and
 * names the page, question and field of a mistake). Readers without surveys.manage see it read-only.
 */
export function Builder({ survey, onSaved }: { survey: Survey; onSaved(next: Survey): void }) {
  const { t, locale: uiLocale } = useI18n();
  const { can, notify } = useApp();
  const original = survey.definition as unknown as Definition;
  const [draft, setDraft] = useState<Definition>(() => structuredClone(original));
  const [lang, setLang] = useState<Locale>(uiLocale);
  const [addType, setAddType] = useState<QuestionType>('single_choice');
  const { busy, error, run } = useSubmit('invalid');
  // A new version (saved here or elsewhere) replaces the draft; a rename or status change keeps unsaved edits.
  const [base, setBase] = useState(`${survey.id}:${survey.currentVersion}`);
  if (base !== `${survey.id}:${survey.currentVersion}`) {
    setBase(`${survey.id}:${survey.currentVersion}`);
    setDraft(structuredClone(original));
  }
  const dirty = JSON.stringify(cleaned(draft)) !== JSON.stringify(cleaned(original));
  const canEdit = can('surveys.manage');
  const setPage = (pi: number, page: Page) => setDraft({ ...draft, pages: draft.pages.map((p, i) => (i === pi ? page : p)) });
  const save = () =>
    void run(async () => {
      const next = await saveVersion(survey.id, cleaned(draft));
      notify(t('surveys.savedVersion', { n: next.currentVersion }));
      onSaved(next);
    });

  return (
    <section className="card sv-builder" data-testid="sv-builder">
      <div className="sv-builder-bar">
        <Tabs tabs={locales} current={lang} onSelect={setLang} />
        {canEdit && (
          <div className="sv-save">
            {dirty && <span className="muted small">{t('surveys.unsaved')}</span>}
            {dirty && (
              <button type="button" className="btn btn-small" onClick={() => setDraft(structuredClone(original))}>
                {t('surveys.discard')}
              </button>
            )}
            <button type="button" className="btn btn-primary" disabled={!dirty || busy} onClick={save} data-testid="sv-save">
              {t('surveys.saveVersion', { n: survey.versions[0]!.version + 1 })}
            </button>
          </div>
        )}
      </div>
      <FormError error={error} />
      <fieldset disabled={!canEdit} className="sv-fields">
        <TextInput name="intro" label={t('surveys.intro')} value={draft.intro} locale={lang} onChange={(intro) => setDraft({ ...draft, intro })} multiline />
        {draft.pages.map((page, pi) => (
          <section className="sv-page" key={pi} data-testid="sv-page">
            <div className="sv-page-head">
              <h3>{t('surveys.page', { n: pi + 1 })}</h3>
              {draft.pages.length > 1 && (
                <button type="button" className="btn btn-small btn-danger" onClick={() => setDraft({ ...draft, pages: draft.pages.filter((_, i) => i !== pi) })}>
                  {t('surveys.removePage')}
                </button>
              )}
            </div>
            <TextInput name={`page-title-${pi}`} label={t('surveys.pageTitle')} value={page.title} locale={lang} onChange={(title) => setPage(pi, { ...page, title })} />
            {page.questions.map((q, qi) => (
              <QuestionEditor
                key={`${pi}-${qi}`}
                question={q}
                index={qi}
                count={page.questions.length}
                locale={lang}
                onChange={(next) => setPage(pi, { ...page, questions: page.questions.map((x, i) => (i === qi ? next : x)) })}
                onMove={(to) => setPage(pi, { ...page, questions: move(page.questions, qi, to) })}
                onRemove={() => setPage(pi, { ...page, questions: page.questions.filter((_, i) => i !== qi) })}
              />
            ))}
            {canEdit && (
              <div className="sv-add">
                <EnumSelect name={`add-type-${pi}`} aria-label={t('surveys.questionType')} values={questionTypes} labelOf={(v) => t(`surveys.type.${v}`)} value={addType} onChange={setAddType} />
                <button type="button" className="btn" onClick={() => setPage(pi, { ...page, questions: [...page.questions, newQuestion(draft, addType)] })} data-testid="sv-add-question">
                  + {t('surveys.addQuestion')}
                </button>
              </div>
            )}
          </section>
        ))}
        {canEdit && (
          <button type="button" className="btn" onClick={() => setDraft({ ...draft, pages: [...draft.pages, { questions: [newQuestion(draft, 'free_text')] }] })}>
            + {t('surveys.addPage')}
          </button>
        )}
        <TextInput name="thanks" label={t('surveys.thanks')} value={draft.thanks} locale={lang} onChange={(thanks) => setDraft({ ...draft, thanks })} multiline />
      </fieldset>
    </section>
  );
}
