import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

/** The options of a select listing named things (bots, teams, agents…): each one's id, shown by its name. */
export const namedOptions = (items: readonly { id: string; name: string }[]): SelectOption<string>[] =>
  items.map((item) => ({ value: item.id, label: item.name }));

/** The options of a select from a record of labels, in the record's order. */
export const labelledOptions = <T extends string>(labels: Record<T, string>): SelectOption<T>[] =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));

type SelectProps<T extends string> = {
  options: readonly SelectOption<T>[];
  /** The label of a first option with the value '' ("All bots", "Whole workspace"…), when there is one. */
  empty?: string;
  value: T;
  onChange: (value: T) => void;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'children'>;

/** A `<select>` of `options`; `onChange` gets the chosen value. */
export function Select<T extends string>({ options, empty, value, onChange, ...select }: SelectProps<T>) {
  return (
    <select {...select} value={value} onChange={(event) => onChange(event.target.value as T)}>
      {empty === undefined ? null : <option value="">{empty}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** A Select in a `.field` label (or `className`'s), with its hint under it. */
export function LabelledSelect<T extends string>({
  label,
  hint,
  className = 'field',
  ...select
}: SelectProps<T> & { label: ReactNode; hint?: ReactNode; className?: string }) {
  const id = useId();
  return (
    <label className={className} htmlFor={id}>
      <span>{label}</span>
      <Select id={id} {...select} />
      {hint ? <small>{hint}</small> : null}
    </label>
  );
}
