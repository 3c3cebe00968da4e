import { type FormEvent, useState } from 'react';
import { Modal } from '../../ui/Modal';
import type { ConversationDetail } from '../inbox-api';

/** The choice that ends the conversation instead of resuming the bot (never a block id: those have no colon). */
const END = ':end';

export interface HandBackChoice {
  blockId: string | null;
  end: boolean;
}

/**
 * Choose what happens next: the bot resumes after the handoff block (or the flow ends), the bot resumes at
 * any block of the flow, or the conversation ends (resolved, the visitor is told; the bot does not resume).
 */
export function HandBackDialog({
  targets,
  onClose,
  onConfirm,
}: {
  targets: ConversationDetail['handBackTargets'];
  onClose(): void;
  onConfirm(choice: HandBackChoice): Promise<void>;
}) {
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const ending = choice === END;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await onConfirm(ending ? { blockId: null, end: true } : { blockId: choice || null, end: false });
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
                {block.label}
              </option>
            ))}
            <option value={END}>End the conversation</option>
          </select>
          <small>
            {ending
              ? 'The bot does not resume: the conversation is resolved and the visitor is told it ended. If they write again, it comes back to the team.'
              : 'The visitor sees the bot answer again; you stay able to take over at any time.'}
          </small>
        </label>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {ending ? 'End conversation' : 'Hand back'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
