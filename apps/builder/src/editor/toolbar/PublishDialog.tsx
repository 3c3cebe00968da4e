import { type FormEvent, useState } from 'react';
import { Modal } from '../../ui/Modal';

export function PublishDialog({
  errors,
  warnings,
  onPublish,
  onClose,
}: {
  errors: number;
  warnings: number;
  onPublish: (note: string) => Promise<void>;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onPublish(note.trim());
      onClose();
    } catch {
      setBusy(false); // the toast shows the runtime's message
    }
  }
  return (
    <Modal title="Publish this flow" onClose={onClose}>
      <form onSubmit={submit}>
        {errors > 0 ? (
          <p className="form-error" role="alert">
            Fix the {errors} error{errors === 1 ? '' : 's'} shown in the Problems tab before publishing.
          </p>
        ) : (
          <p className="hint">
            New conversations will run this version. Conversations already going keep their version.
            {warnings > 0
              ? ` There ${warnings === 1 ? 'is 1 warning' : `are ${warnings} warnings`}; you can publish anyway.`
              : ''}
          </p>
        )}
        <label className="field">
          <span>What changed? (shown in the version history)</span>
          <textarea
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
            placeholder="Added a handoff for billing questions"
          />
        </label>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || errors > 0}>
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
