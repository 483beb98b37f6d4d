import { useState } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { Survey } from './api.ts';
import type { Definition } from './definition.ts';

/** Every version of a survey, newest first, with how many answered it; a version's questions can be shown (read-only: versions are never edited). */
export function VersionsTab({ survey }: { survey: Survey }) {
  const { t, formatDate, locale } = useI18n();
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="card" data-testid="sv-versions">
      <ol className="sv-versions">
        {survey.versions.map((v) => {
          const def = v.definition as unknown as Definition;
          const questions = def.pages.flatMap((p) => p.questions);
          return (
            <li key={v.version} className="sv-version">
              <div className="sv-version-head">
                <strong>{t('surveys.versionInfo', { n: v.version })}</strong>
                {v.version === survey.currentVersion && <span className="badge">{t('surveys.current')}</span>}
                <span className="muted small">
                  {formatDate(v.createdAt)}
                  {v.createdBy ? ` · ${t('surveys.by', { name: v.createdBy })}` : ''} · {t('surveys.questions', { n: questions.length })} · {t('surveys.responses')}: {v.responseCount}
                </span>
                <button type="button" className="btn btn-small" onClick={() => setOpen(open === v.version ? null : v.version)}>
                  {open === v.version ? t('surveys.hide') : t('surveys.view')}
                </button>
              </div>
              {open === v.version && (
                <ol className="sv-version-questions">
                  {questions.map((q) => (
                    <li key={q.id}>
                      <code>{q.id}</code> <span className="muted small">{t(`surveys.type.${q.type}`)}</span> {q.text[locale] ?? q.text.en ?? Object.values(q.text)[0]}
                    </li>
                  ))}
                </ol>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
