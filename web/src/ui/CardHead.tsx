import type { ReactNode } from 'react';

/** A card's title row, with a "+ new" button while the form for a new record is closed. */
export function CardHead({ title, newLabel, onNew }: { title?: ReactNode; newLabel: string; onNew?: () => void }) {
  return (
    <div className={title ? 'card-head' : 'card-head card-head-end'}>
      {title && <h2>{title}</h2>}
      {onNew && (
        <button type="button" className="btn btn-primary" onClick={onNew}>
          + {newLabel}
        </button>
      )}
    </div>
  );
}
