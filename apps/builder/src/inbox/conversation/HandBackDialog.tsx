import { type FormEvent, useState } from 'react';
import { Modal } from '../../ui/Modal';
import type { ConversationDetail } from '../inbox-api';

/** Choose where the bot resumes: after the handoff block (or the end), or at any block of the flow. */
export function HandBackDialog({
  targets,
  onClose,
  onConfirm,
}: {
  targets: ConversationDetail['handBackTargets'];
  onClose(): void;
  onConfirm(blockId: string | null): Promise<void>;
}) {
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm(choice || null);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal title="Hand back to the bot" onClose={onClose}>
      <form onSubmit={submit}>
        <label className="field">
          <span>Resume the flow at</span>
          <select value={choice} onChange={(event) => setChoice(event.target.value)} aria-label="Resume at block">
            <option value="">Where the handoff left off (or end the flow)</option>
            {targets.map((block) => (
              <option key={block.id} value={block.id}>
                {block.label} · {block.id}
              </option>
            ))}
          </select>
          <small>The visitor sees the bot answer again; you stay able to take over at any time.</small>
        </label>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Hand back
          </button>
        </div>
      </form>
    </Modal>
  );
}
