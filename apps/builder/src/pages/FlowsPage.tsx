import { type FormEvent, useState } from 'react';
import { api } from '../api/api';
import { type Bot, botsApi } from '../api/bots';
import { type FlowSummary, flowsApi } from '../api/flows';
import { Link, navigate } from '../app/router';
import { useToast } from '../app/toasts';
import { newFlowDocument } from '../editor/model/new-flow';
import { formatDateTime } from '../ui/format';
import { IconButton } from '../ui/IconButton';
import { Icon } from '../ui/icons';
import { Modal } from '../ui/Modal';
import { EmptyState, ErrorState, Spinner } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { DeleteFlowDialog } from './DeleteFlowDialog';

function NewFlowDialog({ bots, onClose }: { bots: Bot[]; onClose: () => void }) {
  const toast = useToast();
  const [name, setName] = useState('');
  const [botId, setBotId] = useState(bots[0]?.id ?? '');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { flow } = await flowsApi.create(api, { botId, name, draft: newFlowDocument(name) });
      navigate(`/flows/${flow.id}`);
    } catch (error) {
      toast.error(error);
      setBusy(false);
    }
  }

  return (
    <Modal title="New flow" onClose={onClose}>
      <form onSubmit={submit}>
        <label className="field">
          <span>Name</span>
          <input
            required
            maxLength={200}
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder="Support bot"
          />
        </label>
        {bots.length > 1 ? (
          <label className="field">
            <span>Bot</span>
            <select value={botId} onChange={(e) => setBotId(e.target.value)}>
              {bots.map((bot) => (
                <option key={bot.id} value={bot.id}>
                  {bot.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim() || !botId}>
            Create flow
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function FlowsPage() {
  const data = useAsync(async () => {
    const [{ flows }, { bots }] = await Promise.all([flowsApi.list(api), botsApi.list(api)]);
    return { flows, bots };
  }, []);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);

  if (data.status === 'loading') return <Spinner label="Loading flows…" />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const { flows, bots } = data.value;
  const botName = (id: string) => bots.find((b) => b.id === id)?.name ?? '—';
  const liveFlow = (flow: FlowSummary) => bots.some((b) => b.flowId === flow.id);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Flows</h1>
          <p>Draw what your bot says and does, then publish it to the widget.</p>
        </div>
        <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
          <Icon name="plus" /> New flow
        </button>
      </header>
      {flows.length === 0 ? (
        <EmptyState
          title="No flows yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => setCreating(true)}>
              Create your first flow
            </button>
          }
        >
          A flow is a conversation your bot runs: messages, questions, conditions, AI answers and handoff to your team.
        </EmptyState>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Bot</th>
              <th>Status</th>
              <th>Last edited</th>
              <th>
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.id}>
                <td>
                  <Link to={`/flows/${flow.id}`}>{flow.name}</Link>
                </td>
                <td>{botName(flow.botId)}</td>
                <td>
                  {flow.latestVersion ? (
                    <span className={liveFlow(flow) ? 'badge badge-success' : 'badge'}>
                      v{flow.latestVersion} {liveFlow(flow) ? 'live' : 'published'}
                    </span>
                  ) : (
                    <span className="badge">Draft</span>
                  )}
                </td>
                <td>{formatDateTime(flow.updatedAt)}</td>
                <td>
                  <IconButton
                    icon="trash"
                    label={`Delete ${flow.name}`}
                    title={liveFlow(flow) ? 'Live flows cannot be deleted: publish another flow first' : undefined}
                    disabled={liveFlow(flow)}
                    onClick={() => setDeleting(flow)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating ? <NewFlowDialog bots={bots} onClose={() => setCreating(false)} /> : null}
      {deleting ? (
        <DeleteFlowDialog
          flow={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            data.reload();
          }}
        />
      ) : null}
    </>
  );
}
