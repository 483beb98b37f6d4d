import type { FormEvent, ReactNode } from 'react';
import { FormActions } from './FormActions.tsx';
import { FormError } from './FormError.tsx';
import { Modal } from './Modal.tsx';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(event: FormEvent): void;
  submitLabel: string;
  busy?: boolean;
  disabled?: boolean;
  error?: string | null;
  children: ReactNode;
}

/** A dialog that is one form: its fields, the error the server gave, Cancel and the submit button. */
export function FormDialog({ title, onClose, onSubmit, submitLabel, busy, disabled, error, children }: Props) {
  return (
    <Modal title={title} onClose={onClose}>
      <form className="form" onSubmit={onSubmit}>
        <FormError error={error} />
        {children}
        <FormActions submitLabel={submitLabel} onCancel={onClose} busy={busy} disabled={disabled} />
      </form>
    </Modal>
  );
}
