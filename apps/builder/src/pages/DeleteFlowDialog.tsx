import type { FlowSummary } from '@flowdesk/contract';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { DeleteDialog, type DeleteDialogEvents } from '../ui/DeleteDialog';

/** Confirms deleting a flow that is not live; conversations that ran on it keep their transcripts. */
export function DeleteFlowDialog({ flow, ...events }: { flow: FlowSummary } & DeleteDialogEvents) {
  const versions = flow.latestVersion ?? 0;
  return (
    <DeleteDialog
      title="Delete flow"
      confirmLabel="Delete flow"
      name={flow.name}
      remove={() => flowsApi.remove(api, flow.id)}
      {...events}
    >
      Delete <strong>{flow.name}</strong>
      {versions ? ` with its ${versions} published version${versions === 1 ? '' : 's'}` : ''}? This cannot be undone.
      Conversations that ran on it keep their transcripts.
    </DeleteDialog>
  );
}
