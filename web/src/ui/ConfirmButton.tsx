import type { ButtonHTMLAttributes } from 'react';

/** A button that asks first (the browser's own dialog) and acts only on yes. */
export function ConfirmButton({
  question,
  onConfirm,
  className = 'btn btn-small',
  ...rest
}: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onClick' | 'type'> & { question: string; onConfirm(): void }) {
  return <button type="button" className={className} onClick={() => window.confirm(question) && onConfirm()} {...rest} />;
}
