import {
  type FlowVersion,
  LIVE_FLOW_CONFLICT,
  LiveFlowConflict,
  type NamedRef,
  type PublishOutcome,
} from '@flowdesk/contract';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/api';
import { botsApi } from '../../api/bots';
import { ApiError } from '../../api/client';
import { flowsApi } from '../../api/flows';
import { useToast } from '../../app/toasts';
import { Modal, ModalActions } from '../../ui/Modal';
import { ErrorState, Spinner } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { publishRefusal } from './publish-refusal';

interface Props {
  flowId: string;
  errors: number;
  warnings: number;
  /** Saves the draft now, so what is published is what the admin sees. */
  flush: () => Promise<void>;
  onClose: () => void;
}

/** Where the flow stands with its bot: the bot, whether this flow is live, and the other flow live now. */
async function loadLiveState(flowId: string) {
  const { flow } = await flowsApi.get(api, flowId);
  const { bot } = await botsApi.get(api, flow.botId);
  const other = bot.flowId && bot.flowId !== flow.id ? (await flowsApi.get(api, bot.flowId)).flow : null;
  return {
    flow: { id: flow.id, name: flow.name },
    bot: { id: bot.id, name: bot.name },
    live: flow.live,
    otherLive: other ? { id: other.id, name: other.name } : null,
  };
}

/** The toast after publishing: the version, and what it did to the bot's live flow. */
export function publishedMessage(result: PublishOutcome & { version: FlowVersion }, otherLive: NamedRef | null) {
  const head = `Published version ${result.version.number}.`;
  if (result.replaced) return `${head} It replaces "${result.replaced.name}" as the live flow of ${result.bot.name}.`;
  if (result.live) return `${head} New conversations with ${result.bot.name} use it now.`;
  return otherLive
    ? `${head} "${otherLive.name}" stays live for ${result.bot.name}.`
    : `${head} It is not live: ${result.bot.name} runs no flow yet.`;
}

export function PublishDialog({ flowId, errors, warnings, flush, onClose }: Props) {
  const state = useAsync(() => loadLiveState(flowId), [flowId]);
  return (
    <Modal title="Publish this flow" onClose={onClose}>
      {state.status === 'loading' ? <Spinner label="Loading the bot…" /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? (
        <PublishForm
          {...state.value}
          flowId={flowId}
          errors={errors}
          warnings={warnings}
          flush={flush}
          onClose={onClose}
        />
      ) : null}
    </Modal>
  );
}

function PublishForm(props: Props & Awaited<ReturnType<typeof loadLiveState>>) {
  const { flow, bot, live, errors, warnings, onClose } = props;
  const toast = useToast();
  const [note, setNote] = useState('');
  const [otherLive, setOtherLive] = useState(props.otherLive);
  // Going live by default only where that replaces nothing; replacing a live flow is a choice, then confirmed.
  const [makeLive, setMakeLive] = useState(props.otherLive === null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  async function publish(replacesFlowId?: string) {
    setBusy(true);
    try {
      await props.flush();
      const result = await flowsApi.publish(api, flow.id, { note: note.trim(), makeLive, replacesFlowId });
      toast.success(publishedMessage(result, otherLive));
      onClose();
    } catch (error) {
      setBusy(false);
      const conflict = error instanceof ApiError && error.code === LIVE_FLOW_CONFLICT;
      const details = conflict ? LiveFlowConflict.safeParse(error.details) : null;
      if (details?.success) {
        setOtherLive(details.data.liveFlow); // another flow went live meanwhile: ask about that one
        setConfirming(true);
      } else toast.show('error', publishRefusal(error));
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (makeLive && otherLive && !live) setConfirming(true);
    else void publish();
  }

  if (confirming && otherLive) {
    return (
      <div className="publish-confirm">
        <p>
          <strong>"{otherLive.name}"</strong> is live for <strong>{bot.name}</strong> now. New conversations will run{' '}
          <strong>"{flow.name}"</strong> instead; conversations already going keep their flow.
        </p>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={() => setConfirming(false)} disabled={busy}>
            Back
          </button>
          <button
            type="button"
            className="btn btn-primary"
            ref={(button) => button?.focus()}
            disabled={busy}
            onClick={() => void publish(otherLive.id)}
          >
            {busy ? 'Publishing…' : `Replace "${otherLive.name}" and go live`}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={submit}>
      <p className="publish-bot">
        Publishes <strong>"{flow.name}"</strong> for the bot <strong>{bot.name}</strong>.
      </p>
      {errors > 0 ? (
        <p className="form-error" role="alert">
          Fix the {errors} error{errors === 1 ? '' : 's'} shown in the Problems tab before publishing.
        </p>
      ) : (
        <p className="hint">
          Conversations already going keep their version.
          {warnings > 0
            ? ` There ${warnings === 1 ? 'is 1 warning' : `are ${warnings} warnings`}; you can publish anyway.`
            : ''}
        </p>
      )}
      {live ? (
        <p className="hint publish-live">
          This flow is live for {bot.name}: new conversations use the new version at once.
        </p>
      ) : (
        <label className="checkbox publish-make-live">
          <input type="checkbox" checked={makeLive} onChange={(e) => setMakeLive(e.target.checked)} />
          <span>
            Make it live for {bot.name}
            {otherLive ? ` (replaces "${otherLive.name}", live now)` : ' (new conversations use it)'}
          </span>
        </label>
      )}
      {!live && !makeLive && otherLive ? (
        <p className="hint">"{otherLive.name}" stays live; you can make this flow live later.</p>
      ) : null}
      <label className="field">
        <span>What changed? (shown in the version history)</span>
        <textarea
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          placeholder="Added a handoff for billing questions"
          data-autofocus
        />
      </label>
      <ModalActions onCancel={onClose}>
        <button type="submit" className="btn btn-primary" disabled={busy || errors > 0}>
          {busy ? 'Publishing…' : 'Publish'}
        </button>
      </ModalActions>
    </form>
  );
}
