import type { Ref } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** "Load more" under a paginated list, shown while there is a next page. */
export function LoadMore({ cursor, onMore, sentinel }: { cursor: string | null; onMore(): void; sentinel?: Ref<HTMLDivElement> }) {
  const { t } = useI18n();
  if (!cursor) return null;
  return (
    <div className="load-more" ref={sentinel}>
      <button type="button" className="btn" onClick={onMore}>
        {t('common.loadMore')}
      </button>
    </div>
  );
}
