import type { FlowSummary } from '@flowdesk/contract';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { useToast } from '../app/toasts';
import { ConfirmDialog } from '../ui/ConfirmDialog';

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
  const versions = flow.latestVersion ?? 0;

  async function remove() {
    await flowsApi.remove(api, flow.id);
    toast.success(`Deleted “${flow.name}”`);
    onDeleted();
  }

  return (
    <ConfirmDialog title="Delete flow" confirmLabel="Delete flow" onConfirm={remove} onClose={onClose}>
      Delete <strong>{flow.name}</strong>
      {versions ? ` with its ${versions} published version${versions === 1 ? '' : 's'}` : ''}? This cannot be undone.
      Conversations that ran on it keep their transcripts.
    </ConfirmDialog>
  );
}
