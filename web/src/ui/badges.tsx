import { useI18n } from '../i18n/index.tsx';

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

export function LangBadge({ lang }: { lang: string | null }) {
  if (!lang) return null;
  return <span className="badge badge-lang">{lang.toUpperCase()}</span>;
}
