import { type FormEvent, useState } from 'react';
import { Modal, ModalActions } from '../../ui/Modal';
import { LabelledSelect } from '../../ui/Select';
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
        <LabelledSelect
          label="Resume the flow at"
          aria-label="Resume at block"
          value={choice}
          empty="Where the handoff left off (or end the flow)"
          options={[
            ...targets.map((block) => ({ value: block.id, label: block.label })),
            { value: END, label: 'End the conversation' },
          ]}
          onChange={setChoice}
          hint={
            ending
              ? 'The bot does not resume: the conversation is resolved and the visitor is told it ended. If they write again, it comes back to the team.'
              : 'The visitor sees the bot answer again; you stay able to take over at any time.'
          }
        />
        <ModalActions onCancel={onClose}>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {ending ? 'End conversation' : 'Hand back'}
          </button>
        </ModalActions>
      </form>
    </Modal>
  );
}
