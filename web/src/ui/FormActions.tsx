import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

/** A form's buttons: Cancel (when it can be cancelled) and the submit button, disabled while busy. */
export function FormActions({
  submitLabel,
  onCancel,
  busy = false,
  disabled = false,
  children,
}: {
  submitLabel: string;
  onCancel?: () => void;
  busy?: boolean;
  disabled?: boolean;
  /** What stands before the buttons (a hint). */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      {children}
      {onCancel && (
        <button type="button" className="btn" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      )}
      <button type="submit" className="btn btn-primary" disabled={busy || disabled}>
        {submitLabel}
      </button>
    </div>
  );
}

/** A submit button lined up with the fields of a form row (an "Add" at the end of a one-line form). */
export function FieldButton({ label, busy = false }: { label: string; busy?: boolean }) {
  return (
    <div className="field field-button">
      <button type="submit" className="btn" disabled={busy}>
        {label}
      </button>
    </div>
  );
}
