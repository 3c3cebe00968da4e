/** The full-width submit button of a small form; `busy` disables it and says what is happening. */
export function SubmitButton({ busy, label, busyLabel }: { busy: boolean; label: string; busyLabel: string }) {
  return (
    <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
      {busy ? busyLabel : label}
    </button>
  );
}
