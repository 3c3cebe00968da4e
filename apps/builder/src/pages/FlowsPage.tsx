import type { Bot, FlowSummary } from '@flowdesk/contract';
import { type FormEvent, useState } from 'react';
import { api } from '../api/api';
import { botsApi } from '../api/bots';
import { flowsApi } from '../api/flows';
import { Link, navigate } from '../app/router';
import { useToast } from '../app/toasts';
import { closingSavesEnded } from '../editor/closing-saves';
import { newAiAgentFlowDocument } from '../editor/model/new-ai-agent-flow';
import { newFlowDocument } from '../editor/model/new-flow';
import { formatDateTime } from '../ui/format';
import { IconButton } from '../ui/IconButton';
import { Icon } from '../ui/icons';
import { Modal, ModalActions } from '../ui/Modal';
import { LabelledSelect, namedOptions, Select } from '../ui/Select';
import { EmptyState, ErrorState, Spinner } from '../ui/states';
import { TableHead } from '../ui/TableHead';
import { useAsync } from '../ui/use-async';
import { DeleteFlowDialog } from './DeleteFlowDialog';
import { FirstRunChecklist } from './FirstRunChecklist';
import { FLOW_TEMPLATES, flowFromTemplate } from './flow-templates';
import { MakeLiveDialog } from './MakeLiveDialog';
import { TemplateGallery } from './TemplateGallery';
import './flows.css';

/** What a new flow starts from: an empty canvas, or a bot that is one AI agent with a human handoff. */
type Template = 'empty' | 'ai_agent';

const TEMPLATES: Record<Template, { title: string; submit: string; hint?: string }> = {
  empty: { title: 'New flow', submit: 'Create flow' },
  ai_agent: {
    title: 'New AI agent bot',
    submit: 'Create AI agent bot',
    hint: 'The bot converses with visitors from your instructions and knowledge, and hands off to your team (with an offline path) when asked. Edit its instructions and knowledge in the AI agent block.',
  },
};

/** The bot the admin is working on (the flows list's filter); remembered on this browser. */
const CURRENT_BOT_KEY = 'flowdesk.currentBot';
function useCurrentBot(bots: Bot[]): [string, (id: string) => void] {
  const [stored, setStored] = useState(() => localStorage.getItem(CURRENT_BOT_KEY) ?? '');
  const set = (id: string) => {
    localStorage.setItem(CURRENT_BOT_KEY, id);
    setStored(id);
  };
  return [bots.some((b) => b.id === stored) ? stored : '', set];
}

function NewFlowDialog({
  bots,
  currentBotId,
  template,
  onClose,
}: {
  bots: Bot[];
  /** Preselected: the bot the list shows, else the first. */
  currentBotId: string;
  template: Template;
  onClose: () => void;
}) {
  const toast = useToast();
  const texts = TEMPLATES[template];
  const [name, setName] = useState(template === 'ai_agent' ? 'AI agent bot' : '');
  const [botId, setBotId] = useState(currentBotId || bots[0]?.id || '');
  const [busy, setBusy] = useState(false);
  /** 'blank' or a gallery template's id (only for a new flow, not the AI agent bot). */
  const [startFrom, setStartFrom] = useState('blank');
  const chosen = FLOW_TEMPLATES.find((t) => t.id === startFrom);

  function pick(id: string) {
    const previous = FLOW_TEMPLATES.find((t) => t.id === startFrom)?.name ?? '';
    // The name follows the template until the admin types one of their own.
    if (!name.trim() || name === previous) setName(FLOW_TEMPLATES.find((t) => t.id === id)?.name ?? '');
    setStartFrom(id);
  }

  function draftFor(flowName: string) {
    if (template === 'ai_agent') return newAiAgentFlowDocument(flowName);
    return chosen ? flowFromTemplate(chosen, flowName) : newFlowDocument(flowName);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { flow } = await flowsApi.create(api, {
        botId,
        name,
        draft: draftFor(name),
      });
      navigate(`/flows/${flow.id}`);
    } catch (error) {
      toast.error(error);
      setBusy(false);
    }
  }

  return (
    <Modal title={texts.title} onClose={onClose}>
      <form onSubmit={submit}>
        {texts.hint ? <p className="hint">{texts.hint}</p> : null}
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
          <LabelledSelect label="Which bot is it for?" value={botId} options={namedOptions(bots)} onChange={setBotId} />
        ) : null}
        {template === 'empty' ? <TemplateGallery value={startFrom} onChange={pick} /> : null}
        <ModalActions onCancel={onClose}>
          <button type="submit" className="btn btn-primary" disabled={busy || !name.trim() || !botId}>
            {chosen ? `Create from “${chosen.name}”` : texts.submit}
          </button>
        </ModalActions>
      </form>
    </Modal>
  );
}

export function FlowsPage() {
  const data = useAsync(async () => {
    await closingSavesEnded(); // an edit made just before leaving the editor (a new name) is listed
    const [{ flows }, { bots }] = await Promise.all([flowsApi.list(api), botsApi.list(api)]);
    return { flows, bots };
  }, []);
  const [creating, setCreating] = useState<Template | null>(null);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const [makingLive, setMakingLive] = useState<FlowSummary | null>(null);
  const [currentBotId, setCurrentBotId] = useCurrentBot(data.status === 'ready' ? data.value.bots : []);

  if (data.status === 'loading') return <Spinner label="Loading flows…" />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const { bots } = data.value;
  const flows = data.value.flows.filter((flow) => !currentBotId || flow.botId === currentBotId);
  const botName = (id: string) => bots.find((b) => b.id === id)?.name ?? '—';
  const liveFlow = (flow: FlowSummary) => bots.some((b) => b.flowId === flow.id);

  return (
    <>
      <header className="page-header">
        <div>
          <h1>Flows</h1>
          <p>Draw what your bot says and does, then publish it to the widget.</p>
        </div>
        <div className="row">
          {bots.length > 1 ? (
            <Select
              aria-label="Show flows of"
              value={currentBotId}
              empty="All bots"
              options={namedOptions(bots)}
              onChange={setCurrentBotId}
            />
          ) : null}
          <button type="button" className="btn" onClick={() => setCreating('ai_agent')}>
            <Icon name="plus" /> New AI agent bot
          </button>
          <button type="button" className="btn btn-primary" onClick={() => setCreating('empty')}>
            <Icon name="plus" /> New flow
          </button>
        </div>
      </header>
      <FirstRunChecklist />
      {flows.length === 0 ? (
        <EmptyState
          title="No flows yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => setCreating('empty')}>
              Create your first flow
            </button>
          }
        >
          A flow is a conversation your bot runs: messages, questions, conditions, AI answers and handoff to your team.
        </EmptyState>
      ) : (
        <table className="table">
          <TableHead columns={['Name', 'Bot', 'Status', 'Last edited']} actions />
          <tbody>
            {flows.map((flow) => (
              <tr key={flow.id}>
                <td className="flow-name">
                  <Link to={`/flows/${flow.id}`}>{flow.name}</Link>
                </td>
                <td>{botName(flow.botId)}</td>
                <td>
                  {flow.latestVersion ? (
                    <span
                      className={liveFlow(flow) ? 'badge badge-success' : 'badge'}
                      title={liveFlow(flow) ? `New conversations with ${botName(flow.botId)} run this flow` : undefined}
                    >
                      v{flow.latestVersion} {liveFlow(flow) ? 'live' : 'published, not live'}
                    </span>
                  ) : (
                    <span className="badge">Draft</span>
                  )}
                  {flow.latestVersion && !liveFlow(flow) ? (
                    <button type="button" className="btn btn-sm make-live" onClick={() => setMakingLive(flow)}>
                      Make live
                    </button>
                  ) : null}
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
      {creating ? (
        <NewFlowDialog bots={bots} currentBotId={currentBotId} template={creating} onClose={() => setCreating(null)} />
      ) : null}
      {makingLive ? (
        <MakeLiveDialog
          flow={makingLive}
          bot={bots.find((b) => b.id === makingLive.botId)!}
          replaces={
            data.value.flows.find((f) => bots.some((b) => b.id === makingLive.botId && b.flowId === f.id)) ?? null
          }
          onClose={() => setMakingLive(null)}
          onDone={() => {
            setMakingLive(null);
            data.reload();
          }}
        />
      ) : null}
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
