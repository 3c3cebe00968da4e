/** A form's primary submit button; `busy` disables it and says what is happening. `block` fills the width. */
export function SubmitButton({
  busy,
  label,
  busyLabel,
  block = false,
}: {
  busy: boolean;
  label: string;
  busyLabel: string;
  block?: boolean;
}) {
  return (
    <button type="submit" className={block ? 'btn btn-primary btn-block' : 'btn btn-primary'} disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
