import { createContext, useContext, useId, type InputHTMLAttributes, type ReactNode } from 'react';
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

/**
 * The id of the caption of the field around a control: a control that is not the first thing in its
 * field's label (a tag list, whose first focusable element is a tag's × button) names itself by it.
 */
const FieldCaption = createContext<string | undefined>(undefined);

export function useFieldCaption(): string | undefined {
  return useContext(FieldCaption);
}

/** A caption, its control and a hint. */
export function Field({ label, children, hint, optional, width, group, className }: FieldProps) {
  const { t } = useI18n();
  const captionId = useId();
  const cls = ['field', width && `field-${width}`, className].filter(Boolean).join(' ');
  const hintNode = hint ? <small className="muted">{hint}</small> : null;
  if (group) {
    return (
      <div className={cls} role="group" aria-labelledby={captionId}>
        <span className="field-label" id={captionId}>
          {label}
        </span>
        <FieldCaption.Provider value={captionId}>{children}</FieldCaption.Provider>
        {hintNode}
      </div>
    );
  }
  return (
    <label className={cls}>
      <span id={captionId}>
        {label}
        {optional && (
          <>
            {' '}
            <em className="muted">({t('common.optional')})</em>
          </>
        )}
      </span>
      <FieldCaption.Provider value={captionId}>{children}</FieldCaption.Provider>
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
