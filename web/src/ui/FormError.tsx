import type { ReactNode } from 'react';

/** The form's own error line: what the server said is wrong with this input (or several lines as children). */
export function FormError({ error, children }: { error?: string | null; children?: ReactNode }) {
  const content = children ?? error;
  if (!content) return null;
  return (
    <div className="form-error" role="alert">
      {content}
    </div>
  );
}
