import type { FlowSummary } from '@flowdesk/contract';
import { useState } from 'react';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { useToast } from '../app/toasts';
import { Modal } from '../ui/Modal';

/** Confirms deleting a flow that is not live; conversations that ran on it keep their transcripts. */
export function DeleteFlowDialog({
  flow,
  onClose,
  onDeleted,
}: {
  flow: FlowSummary;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const versions = flow.latestVersion ?? 0;

  async function remove() {
    setBusy(true);
    try {
      await flowsApi.remove(api, flow.id);
      toast.success(`Deleted “${flow.name}”`);
      onDeleted();
    } catch (error) {
      toast.error(error);
      setBusy(false);
    }
  }

  return (
    <Modal title="Delete flow" onClose={onClose}>
      <p>
        Delete <strong>{flow.name}</strong>
        {versions ? ` with its ${versions} published version${versions === 1 ? '' : 's'}` : ''}? This cannot be undone.
        Conversations that ran on it keep their transcripts.
      </p>
      <div className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn btn-danger" onClick={remove} disabled={busy}>
          Delete flow
        </button>
      </div>
    </Modal>
  );
}
