import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { useFieldCaption } from './Field.tsx';

/** A list of short strings: Enter or a comma (also the Chinese ，) turns what was typed into a tag. */
export function TagInput({ value, onChange, name, 'aria-label': ariaLabel }: { value: string[]; onChange(next: string[]): void; name?: string; 'aria-label'?: string }) {
  const { t } = useI18n();
  const captionId = useFieldCaption();
  const [draft, setDraft] = useState('');

  const commit = (text: string) => {
    const parts = text
      .split(/[,，、]/)
      .map((p) => p.trim())
      .filter(Boolean);
    const next = [...value];
    for (const p of parts) if (!next.includes(p)) next.push(p);
    if (next.length !== value.length) onChange(next);
    setDraft('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit(draft);
    } else if (e.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  return (
    <div className="tag-input">
      {value.map((tag) => (
        <span key={tag} className="tag">
          {tag}
          <button type="button" aria-label={`${t('common.delete')} ${tag}`} onClick={() => onChange(value.filter((v) => v !== tag))}>
            ×
          </button>
        </span>
      ))}
      <input
        name={name}
        aria-label={ariaLabel}
        aria-labelledby={ariaLabel ? undefined : captionId}
        value={draft}
        onChange={(e) => (/[,，、]/.test(e.target.value) ? commit(e.target.value) : setDraft(e.target.value))}
        onKeyDown={onKeyDown}
        onBlur={() => draft.trim() && commit(draft)}
      />
    </div>
  );
}
