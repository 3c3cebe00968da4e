import { type ReactNode, useId } from 'react';

/** A required password box inside its label; the hint under it is announced with it. */
export function PasswordField({
  label,
  autoComplete,
  value,
  onChange,
  hint,
}: {
  label: string;
  autoComplete: 'current-password' | 'new-password';
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
}) {
  const hintId = useId();
  return (
    <>
      <label className="field">
        <span>{label}</span>
        <input
          type="password"
          autoComplete={autoComplete}
          required
          value={value}
          aria-describedby={hint ? hintId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {hint ? (
        <small id={hintId} className="hint field-hint">
          {hint}
        </small>
      ) : null}
    </>
  );
}
