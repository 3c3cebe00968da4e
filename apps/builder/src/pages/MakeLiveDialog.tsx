import type { Bot, FlowSummary } from '@flowdesk/contract';
import { useState } from 'react';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { useToast } from '../app/toasts';
import { Modal } from '../ui/Modal';

/** Confirms making a published flow its bot's live flow, naming the flow it replaces. */
export function MakeLiveDialog({
  flow,
  bot,
  replaces,
  onClose,
  onDone,
}: {
  flow: FlowSummary;
  bot: Bot;
  /** The flow live for the bot now, if any. */
  replaces: FlowSummary | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function makeLive() {
    setBusy(true);
    try {
      const result = await flowsApi.makeLive(api, flow.id, { replacesFlowId: replaces?.id });
      toast.success(
        result.replaced
          ? `"${flow.name}" is live for ${result.bot.name}, instead of "${result.replaced.name}".`
          : `"${flow.name}" is live for ${result.bot.name}.`,
      );
      onDone();
    } catch (error) {
      toast.error(error); // e.g. another flow went live meanwhile: the message names it
      setBusy(false);
    }
  }

  return (
    <Modal title="Make this flow live" onClose={onClose}>
      <p>
        New conversations with <strong>{bot.name}</strong> will run <strong>"{flow.name}"</strong> (version{' '}
        {flow.latestVersion})
        {replaces ? (
          <>
            {' '}
            instead of <strong>"{replaces.name}"</strong>, live now
          </>
        ) : null}
        . Conversations already going keep their flow.
      </p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-primary" onClick={makeLive} disabled={busy}>
          {replaces ? `Replace "${replaces.name}" and go live` : 'Make it live'}
        </button>
      </div>
    </Modal>
  );
}
