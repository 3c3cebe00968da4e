import type { Bot, FlowSummary } from '@flowdesk/contract';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { useToast } from '../app/toasts';
import { ConfirmDialog } from '../ui/ConfirmDialog';

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

  // A failure (e.g. another flow went live meanwhile) is shown by the dialog: the message names it.
  async function makeLive() {
    const result = await flowsApi.makeLive(api, flow.id, { replacesFlowId: replaces?.id });
    toast.success(
      result.replaced
        ? `"${flow.name}" is live for ${result.bot.name}, instead of "${result.replaced.name}".`
        : `"${flow.name}" is live for ${result.bot.name}.`,
    );
    onDone();
  }

  return (
    <ConfirmDialog
      title="Make this flow live"
      tone="primary"
      confirmLabel={replaces ? `Replace "${replaces.name}" and go live` : 'Make it live'}
      onConfirm={makeLive}
      onClose={onClose}
    >
      New conversations with <strong>{bot.name}</strong> will run <strong>"{flow.name}"</strong> (version{' '}
      {flow.latestVersion})
      {replaces ? (
        <>
          {' '}
          instead of <strong>"{replaces.name}"</strong>, live now
        </>
      ) : null}
      . Conversations already going keep their flow.
    </ConfirmDialog>
  );
}
