import type { ReactNode } from 'react';

/** Records as a plain list (a case's actions, what is waiting for me), or what to show when there are none. */
export function RecordList<T extends { id: string }>({
  items,
  empty,
  testId,
  itemClass,
  children,
}: {
  items: readonly T[];
  empty: ReactNode;
  testId?: string;
  itemClass?(item: T): string | undefined;
  children(item: T): ReactNode;
}) {
  if (items.length === 0) return <>{empty}</>;
  return (
    <ul className="record-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.id} className={itemClass?.(item)}>
          {children(item)}
        </li>
      ))}
    </ul>
  );
}
