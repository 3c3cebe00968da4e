import { type InputHTMLAttributes, type ReactNode, useId, useRef } from 'react';
import { Select, type SelectOption } from '../../ui/Select';
import { useEditor } from '../editor-context';
import { insertPlaceholder } from '../model/variables';

/** What a field edits: its value, and what takes a new one. */
export interface FieldValue<T> {
  value: T;
  onChange: (value: T) => void;
}

interface FieldProps<T> extends FieldValue<T> {
  label: string;
  hint?: ReactNode;
}

/**
 * `value` and `onChange` for a TextField or TemplateField whose empty text means "not set": the field shows
 * `undefined` as empty, and clearing it gives `undefined` (as VariableField's `optional`).
 */
export function optionalText({ value, onChange }: FieldValue<string | undefined>) {
  return { value: value ?? '', onChange: (text: string) => onChange(text || undefined) };
}

export function Field({
  label,
  hint,
  children,
  id,
}: {
  label: string;
  hint?: ReactNode;
  children: ReactNode;
  id: string;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint ? <small>{hint}</small> : null}
    </div>
  );
}

/** An `<input>` in a Field, read-only while the editor is. */
function InputField({
  label,
  hint,
  ...input
}: { label: string; hint?: ReactNode } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'readOnly'>) {
  const id = useId();
  const { readOnly } = useEditor();
  return (
    <Field label={label} hint={hint} id={id}>
      <input id={id} readOnly={readOnly} {...input} />
    </Field>
  );
}

export function TextField({
  onChange,
  type = 'text',
  ...field
}: FieldProps<string> & { placeholder?: string; type?: string }) {
  return <InputField {...field} type={type} onChange={(e) => onChange(e.target.value)} />;
}

export function NumberField({
  value,
  onChange,
  ...field
}: FieldProps<number | undefined> & { min?: number; max?: number }) {
  return (
    <InputField
      {...field}
      type="number"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
    />
  );
}

export function SelectField<T extends string>({
  label,
  value,
  onChange,
  hint,
  options,
}: FieldProps<T> & { options: SelectOption<T>[] }) {
  const id = useId();
  const { readOnly } = useEditor();
  return (
    <Field label={label} hint={hint} id={id}>
      <Select id={id} value={value} disabled={readOnly} options={options} onChange={onChange} />
    </Field>
  );
}

export function CheckboxField({
  label,
  value,
  onChange,
  className,
}: Omit<FieldProps<boolean>, 'label' | 'hint'> & { label: ReactNode; className?: string }) {
  const { readOnly } = useEditor();
  return (
    <label className={className ? `checkbox ${className}` : 'checkbox'}>
      <input type="checkbox" checked={value} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** A variable name input suggesting the flow's variables. */
export function VariableField({
  label,
  value,
  onChange,
  hint,
  optional,
}: FieldProps<string | undefined> & { optional?: boolean }) {
  const id = useId();
  const listId = useId();
  const { variables, readOnly } = useEditor();
  return (
    <Field label={label} hint={hint} id={id}>
      <input
        id={id}
        list={listId}
        value={value ?? ''}
        placeholder={optional ? 'Not saved' : 'variable_name'}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(e) => onChange(optional && e.target.value === '' ? undefined : e.target.value)}
      />
      <datalist id={listId}>
        {variables.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </Field>
  );
}

/** Text that may hold `{{variables}}`, with a menu inserting one at the cursor. */
export function TemplateField({
  label,
  value,
  onChange,
  hint,
  multiline = true,
  placeholder,
}: FieldProps<string> & { multiline?: boolean; placeholder?: string }) {
  const id = useId();
  const { variables, readOnly } = useEditor();
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  function insert(name: string) {
    const element = ref.current;
    const { text, cursor } = insertPlaceholder(
      value,
      name,
      element?.selectionStart ?? value.length,
      element?.selectionEnd ?? value.length,
    );
    onChange(text);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(cursor, cursor);
    });
  }

  const common = {
    id,
    ref,
    value,
    placeholder,
    readOnly,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <Field label={label} hint={hint} id={id}>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
      {readOnly ? null : (
        <select
          className="insert-variable"
          aria-label={`Insert a variable into ${label}`}
          value=""
          onChange={(e) => e.target.value && insert(e.target.value)}
        >
          <option value="">{'Insert variable {{…}}'}</option>
          {variables.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
