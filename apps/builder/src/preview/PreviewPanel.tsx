import type { MessageContent } from '@flowdesk/contract';
import { type CompiledFlow, compileFlow, FlowCompileError, type StepResult } from '@flowdesk/engine';
import { useEffect, useMemo, useRef, useState } from 'react';
import { aiApi } from '../api/ai';
import { api } from '../api/api';
import { knowledgeApi } from '../api/knowledge';
import { recordOnboardingMark } from '../api/onboarding';
import { useEditor } from '../editor/editor-context';
import { TypingDots } from '../ui/TypingDots';
import { HandoffNoteView } from './HandoffNoteView';
import { MessageView } from './MessageView';
import { PassagesView } from './PassagesView';
import { PreviewInput } from './PreviewInput';
import { createPreviewEffects, type EffectNote } from './preview-effects';
import { PreviewSession, replyText, type VisitorReply } from './preview-session';
import type { PreviewLine } from './preview-summary';
import { handoffRecipients, usePeople } from './use-people';
import './preview-typing.css';

type Entry =
  | { from: 'bot'; content: MessageContent }
  | { from: 'visitor'; text: string }
  | { from: 'note'; note: EffectNote }
  | { from: 'status'; text: string };

function compile(doc: unknown): { compiled: CompiledFlow } | { error: string[] } {
  try {
    return { compiled: compileFlow(doc) };
  } catch (error) {
    return { error: error instanceof FlowCompileError ? error.problems.map((p) => p.message) : [String(error)] };
  }
}

function botText(content: MessageContent): string {
  if (content.type === 'text') return content.text;
  if (content.type === 'choice') return content.text ?? '';
  if (content.type === 'input') return content.prompt ?? '';
  return '';
}

function statusLine(result: StepResult): string | null {
  if (result.status === 'ended') return 'The conversation ended.';
  // Effects run inside the preview's steps, so a step never stops at one; say so if it ever does.
  if (result.status === 'working') return `The bot stopped at a call it did not run (${result.pending?.kind}).`;
  if (result.status === 'error') return `The bot stopped: ${result.error?.message ?? 'unknown error'}`;
  if (result.status === 'handoff') return 'Waiting for an agent. In the preview you can hand back to the bot.';
  return null;
}

/**
 * Keeps the transcript at its end while entries already shown grow (a handoff's summary arrives after the bot's
 * last messages and would push them out of view), unless the admin scrolled up to read.
 */
function followGrowth(element: HTMLElement): () => void {
  let following = true;
  const onScroll = () => {
    following = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
  };
  const observer = new MutationObserver(() => {
    if (following) element.scrollTo({ top: element.scrollHeight });
  });
  observer.observe(element, { childList: true, subtree: true, characterData: true });
  element.addEventListener('scroll', onScroll);
  return () => {
    observer.disconnect();
    element.removeEventListener('scroll', onScroll);
  };
}

export function PreviewPanel({ onActiveBlock }: { onActiveBlock: (blockId: string | null) => void }) {
  const { doc, teams, focusBlock } = useEditor();
  const [entries, setEntries] = useState<Entry[]>([]);
  const [result, setResult] = useState<StepResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [agentsAvailable, setAgentsAvailable] = useState(true);
  const [runningDoc, setRunningDoc] = useState(doc);
  const [restarts, setRestarts] = useState(0);
  const agentsRef = useRef(agentsAvailable);
  agentsRef.current = agentsAvailable;
  const people = usePeople();
  /** What was said, kept outside React state so an effect running mid-step sees the latest reply. */
  const lines = useRef<PreviewLine[]>([]);
  const session = useRef<PreviewSession | null>(null);
  const transcript = useRef<HTMLDivElement>(null);
  const compiled = useMemo(() => compile(runningDoc), [runningDoc]);

  const effects = useMemo(
    () =>
      createPreviewEffects({
        fetch: (input, init) => fetch(input, init),
        agentsAvailable: () => agentsRef.current,
        note: (note) => setEntries((list) => [...list, { from: 'note', note }]),
        teamName: (id) => teams.find((t) => t.id === id)?.name,
        transcript: () => lines.current,
        recipients: async (teamId) => handoffRecipients(await people, teams, teamId),
        summarize: (body) => aiApi.previewSummary(api, body),
        answerFromSources: (body) => knowledgeApi.previewAnswer(api, body),
        matchIntent: (body) => aiApi.previewIntent(api, body),
        agentTurn: (body) => knowledgeApi.previewAgentTurn(api, body),
      }),
    [teams, people],
  );

  async function run(action: (s: PreviewSession) => Promise<StepResult>) {
    if (!session.current) return;
    setBusy(true);
    const next = await action(session.current);
    setBusy(false);
    setResult(next);
    for (const content of next.outputs) {
      const text = botText(content);
      if (text) lines.current.push({ author: 'bot', text });
    }
    const line = statusLine(next);
    setEntries((list) => [
      ...list,
      ...next.outputs.map((content) => ({ from: 'bot' as const, content })),
      ...(line ? [{ from: 'status' as const, text: line }] : []),
    ]);
    onActiveBlock(next.activeBlockId);
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new session starts only when the preview (re)starts
  useEffect(() => {
    setEntries([]);
    setResult(null);
    lines.current = [];
    session.current = 'compiled' in compiled ? new PreviewSession(compiled.compiled, effects) : null;
    void run((s) => s.start());
    return () => onActiveBlock(null);
  }, [compiled, restarts]);

  const entryCount = entries.length;
  useEffect(() => {
    if (entryCount > 0) transcript.current?.scrollTo({ top: transcript.current.scrollHeight });
  }, [entryCount]);
  const compiles = 'compiled' in compiled;
  useEffect(() => {
    const element = transcript.current;
    if (!compiles || !element) return;
    return followGrowth(element);
  }, [compiles]);

  /** The first-run checklist's "preview it" ticks once the admin says something to the draft. */
  const previewMarked = useRef(false);
  const reply = (content: VisitorReply) => {
    if (!previewMarked.current) {
      previewMarked.current = true;
      recordOnboardingMark(api, 'previewed');
    }
    lines.current.push({ author: 'visitor', text: replyText(content) });
    setEntries((list) => [...list, { from: 'visitor', text: replyText(content) }]);
    void run((s) => s.reply(content));
  };

  const stale = runningDoc !== doc;
  return (
    <div className="preview">
      <div className="preview-toolbar">
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => {
            setRunningDoc(doc);
            setRestarts((n) => n + 1);
          }}
        >
          Restart
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={agentsAvailable} onChange={(e) => setAgentsAvailable(e.target.checked)} />
          Agents available
        </label>
      </div>
      {stale ? <p className="preview-stale">You changed the flow. Restart to try the latest draft.</p> : null}
      {'error' in compiled ? (
        <div className="panel-empty">
          <p>Fix these before trying the flow:</p>
          <ul className="problem-list">
            {compiled.error.map((message) => (
              <li key={message} className="problem problem-error">
                {message}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <>
          <div className="preview-transcript" ref={transcript} aria-live="polite">
            {entries.map((entry, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the transcript only grows
              <div key={index} className={`preview-entry from-${entry.from}`}>
                {entry.from === 'bot' ? (
                  <MessageView content={entry.content} />
                ) : entry.from === 'visitor' ? (
                  entry.text
                ) : entry.from === 'note' ? (
                  <>
                    {entry.note.text}
                    {entry.note.handoff ? <HandoffNoteView handoff={entry.note.handoff} /> : null}
                    {entry.note.passages?.length ? <PassagesView passages={entry.note.passages} /> : null}
                  </>
                ) : (
                  entry.text
                )}
              </div>
            ))}
            {busy ? (
              <div className="preview-entry from-typing">
                <TypingDots label="Bot is typing" />
              </div>
            ) : null}
          </div>
          {result?.status === 'handoff' ? (
            <button type="button" className="btn btn-sm" onClick={() => void run((s) => s.handback())}>
              An agent hands back to the bot
            </button>
          ) : null}
          {result?.status === 'waiting' ? (
            <PreviewInput awaiting={result.awaiting} disabled={busy} onReply={reply} />
          ) : null}
          {result?.activeBlockId ? (
            <button type="button" className="link-button hint" onClick={() => focusBlock(result.activeBlockId!)}>
              Show the current block on the canvas
            </button>
          ) : null}
          <h3 className="preview-vars-title">Variables</h3>
          <dl className="preview-vars">
            {Object.entries(result?.variables ?? {}).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
