import type { JSX, SelectHTMLAttributes } from 'react';

export interface Option<V extends string> {
  value: V;
  label: string;
}

type SelectBase = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>;
// The options (or values) alone decide V; value and onChange are checked against it (NoInfer).
/** Without an empty option the value is always one of the options… */
type Mandatory<V extends string> = SelectBase & { emptyLabel?: undefined; value: NoInfer<V>; onChange(next: NoInfer<V>): void };
/** …with one (labelled "all", "none", "not mapped") it may also be ''. */
type Optional<V extends string> = SelectBase & { emptyLabel: string; value: NoInfer<V> | ''; onChange(next: NoInfer<V> | ''): void };

type Options<V extends string> = { options: readonly Option<V>[] };

/** A select over a list of options (locations, users, columns…), optionally with an empty first choice. */
export function Select<V extends string>(props: Options<V> & Mandatory<V>): JSX.Element;
export function Select<V extends string>(props: Options<V> & Optional<V>): JSX.Element;
export function Select<V extends string>({ options, value, onChange, emptyLabel, ...rest }: Options<V> & (Mandatory<V> | Optional<V>)) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as V)} {...rest}>
      {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

type Values<V extends string> = {
  /** The closed vocabulary (lib/vocab.ts), in the order to show it. */
  values: readonly V[];
  /** The translated label of a value. */
  labelOf(value: NoInfer<V>): string;
};

/** A select over a closed vocabulary with translated labels. */
export function EnumSelect<V extends string>(props: Values<V> & Mandatory<V>): JSX.Element;
export function EnumSelect<V extends string>(props: Values<V> & Optional<V>): JSX.Element;
export function EnumSelect<V extends string>({ values, labelOf, ...rest }: Values<V> & (Mandatory<V> | Optional<V>)) {
  const options = values.map((v) => ({ value: v, label: labelOf(v) }));
  return rest.emptyLabel === undefined ? <Select options={options} {...rest} /> : <Select options={options} {...rest} />;
}

/** Records as options: their id, and the label given (a name). */
export function optionsOf<T extends { id: string }>(items: readonly T[] | null | undefined, label: (item: T) => string): Option<string>[] {
  return (items ?? []).map((item) => ({ value: item.id, label: label(item) }));
}
