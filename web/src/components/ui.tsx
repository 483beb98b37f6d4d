import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';
import type { MentionStatus, Sentiment } from '../types.ts';

export function Stars({ rating }: { rating: number | null }) {
  const { t } = useI18n();
  if (rating === null || rating === undefined) return <span className="stars stars-none">{t('mention.noRating')}</span>;
  const full = Math.round(rating);
  return (
    <span className="stars" title={`${rating} / 5`} aria-label={`${t('mention.rating')}: ${rating} / 5`}>
      {'★'.repeat(full)}
      <span className="stars-empty">{'★'.repeat(Math.max(0, 5 - full))}</span>
    </span>
  );
}

export function SentimentBadge({ label }: { label: Sentiment }) {
  const { t } = useI18n();
  return <span className={`badge badge-${label}`}>{t(`sentiment.${label}`)}</span>;
}

export function StatusBadge({ status }: { status: MentionStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-status badge-status-${status}`}>{t(`status.${status}`)}</span>;
}

export function LangBadge({ lang }: { lang: string | null }) {
  if (!lang) return null;
  return <span className="badge badge-lang">{lang.toUpperCase()}</span>;
}

export function Spinner({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('common.loading')}
    </div>
  );
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <div className="empty-state">
      <div className="empty-title">{title}</div>
      {hint && <div className="muted">{hint}</div>}
    </div>
  );
}

export function Modal({ title, onClose, children }: { title: string; onClose(): void; children: ReactNode }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    ref.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} ref={ref}>
        <div className="modal-header">
          <h2>{title}</h2>
          <button type="button" className="icon-btn" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}

export function CopyButton({ text }: { text: string }) {
  const { t } = useI18n();
  const button = useRef<HTMLButtonElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard access can be refused outside secure contexts; select the text instead.
      const range = document.createRange();
      const target = button.current?.parentElement?.querySelector('code, pre');
      if (target) {
        range.selectNodeContents(target);
        window.getSelection()?.removeAllRanges();
        window.getSelection()?.addRange(range);
        document.execCommand('copy');
      }
    }
    if (button.current) {
      button.current.textContent = t('common.copied');
      window.setTimeout(() => {
        if (button.current) button.current.textContent = t('common.copy');
      }, 1500);
    }
  };
  return (
    <button type="button" ref={button} className="btn btn-small" onClick={() => void copy()}>
      {t('common.copy')}
    </button>
  );
}
