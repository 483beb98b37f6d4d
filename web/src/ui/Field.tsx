import type { InputHTMLAttributes, ReactNode } from 'react';
import { useI18n } from '../i18n/index.tsx';

interface FieldProps {
  label: ReactNode;
  children: ReactNode;
  hint?: ReactNode;
  /** Marks the label "(optional)". */
  optional?: boolean;
  width?: 'narrow' | 'wide';
  /**
   * A group of controls (check boxes, tags) is a div with a caption; a single control is wrapped in
   * its label, so clicking the caption focuses it and the control is named by it.
   */
  group?: boolean;
  className?: string;
}

/** A caption, its control and a hint. */
export function Field({ label, children, hint, optional, width, group, className }: FieldProps) {
  const { t } = useI18n();
  const cls = ['field', width && `field-${width}`, className].filter(Boolean).join(' ');
  const hintNode = hint ? <small className="muted">{hint}</small> : null;
  if (group) {
    return (
      <div className={cls}>
        <span className="field-label">{label}</span>
        {children}
        {hintNode}
      </div>
    );
  }
  return (
    <label className={cls}>
      <span>
        {label}
        {optional && (
          <>
            {' '}
            <em className="muted">({t('common.optional')})</em>
          </>
        )}
      </span>
      {children}
      {hintNode}
    </label>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'onChange' | 'checked'> & {
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
};

/** A check box with its label after it. */
export function Check({ label, checked, onChange, ...rest }: CheckboxProps) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...rest} />
      {label}
    </label>
  );
}

/** A check box lined up with the fields beside it in a form row or grid. */
export function CheckField(props: CheckboxProps) {
  return (
    <div className="field">
      <span className="field-label">&nbsp;</span>
      <Check {...props} />
    </div>
  );
}
