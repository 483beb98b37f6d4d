/** A multi-select as a row of checkboxes: every choice visible, no hidden Ctrl-click. */
export function MultiCheck({
  name,
  options,
  value,
  onChange,
  emptyLabel,
}: {
  name: string;
  options: { value: string; label: string }[];
  value: string[];
  onChange(next: string[]): void;
  emptyLabel?: string;
}) {
  if (options.length === 0 && emptyLabel) return <span className="muted small">{emptyLabel}</span>;
  return (
    <div className="check-list" role="group">
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            checked={value.includes(o.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))}
          />
          {o.label}
        </label>
      ))}
    </div>
  );
}
