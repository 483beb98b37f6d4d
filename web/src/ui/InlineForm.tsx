import type { FormEvent, ReactNode } from 'react';
import { FormError } from './FormError.tsx';

/** A form opened inside a card (above its table): a title, the error the server gave, the fields. */
export function InlineForm({ title, error, onSubmit, testId, children }: { title?: string; error?: string | null; onSubmit(event: FormEvent): void; testId?: string; children: ReactNode }) {
  return (
    <form className="form inline-form" onSubmit={onSubmit} data-testid={testId}>
      {title && <h3>{title}</h3>}
      <FormError error={error} />
      {children}
    </form>
  );
}
