import {
  type KnowledgePreviewAgentTurn,
  type KnowledgePreviewAgentTurnRequest,
  type KnowledgePreviewAnswer,
  type KnowledgePreviewAnswerRequest,
  PREVIEW_AGENT_LIMITS,
  type PreviewIntentAnswer,
  type PreviewIntentRequest,
} from '@flowdesk/contract';
import type { EngineEffects } from '@flowdesk/engine';
import { PRIORITY_LABELS } from '../editor/blocks/human-handoff/priority';
import { chunkText } from '../knowledge/source-view';
import { answerFromKnowledge, classifyLexically } from './lexical';
import { type AiSummaryState, type PreviewSummarizer, requestAiSummary } from './preview-ai-summary';
import { type PreviewLine, previewSummary } from './preview-summary';
import { simulateAgentTurn } from './simulated-agent';

/** What a live handoff would do, shown in the preview instead of doing it. */
export interface HandoffPreview {
  /** The rough summary made in the browser: shown when the runtime's AI summary cannot be had. */
  summary: string;
  priority: string;
  /** The runtime's AI summary (and priority when the AI decides); absent when no summarizer is given. */
  ai?: AiSummaryState;
  team: string;
  /** Emails of the people who would be alerted; null when the list could not be loaded. */
  recipients: string[] | null;
}

/** A line in the preview transcript describing what the flow did (or would do) outside the chat. */
export interface EffectNote {
  kind: 'http' | 'ai' | 'intent' | 'handoff' | 'email';
  text: string;
  handoff?: HandoffPreview;
  /** The knowledge passages an AI answer was given (best first). */
  passages?: KnowledgePreviewAnswer['passages'];
}

export interface PreviewEffectOptions {
  fetch: typeof fetch;
  /** The preview's "agents available" switch: decides between the handoff and offline paths. */
  agentsAvailable: () => boolean;
  note: (note: EffectNote) => void;
  teamName?: (teamId: string) => string | undefined;
  /** The conversation so far, for the sample handoff summary. */
  transcript?: () => PreviewLine[];
  /** Emails a handoff to this team (null: no team, i.e. all agents) would alert; null when unknown. */
  recipients?: (teamId: string | null) => Promise<string[] | null>;
  /** Asks the runtime for the AI summary a live handoff would write (nothing is stored or sent). */
  summarize?: PreviewSummarizer;
  /** Asks the runtime to answer from knowledge sources (as a live chat would); nothing is stored. */
  answerFromSources?: (body: KnowledgePreviewAnswerRequest) => Promise<KnowledgePreviewAnswer>;
  /** Asks the runtime which intent a live chat would match (its provider, offline or a model); nothing is stored. */
  matchIntent?: (body: PreviewIntentRequest) => Promise<PreviewIntentAnswer>;
  /** Asks the runtime for an AI agent block's next turn, as a live chat would get it; nothing is stored. */
  agentTurn?: (body: KnowledgePreviewAgentTurnRequest) => Promise<KnowledgePreviewAgentTurn>;
}

/** The latest lines of an agent's chat that fit a preview request. */
function recentLines<L extends { text: string }>(lines: L[]): L[] {
  const kept: L[] = [];
  let chars = 0;
  for (const line of [...lines].reverse()) {
    chars += line.text.length;
    if (kept.length === PREVIEW_AGENT_LIMITS.lines || chars > PREVIEW_AGENT_LIMITS.chars) break;
    kept.unshift({ ...line, text: line.text.slice(0, PREVIEW_AGENT_LIMITS.lineChars) });
  }
  return kept;
}

function priorityText(req: Parameters<EngineEffects['handoff']>[0]): string {
  const { priority } = req.settings;
  if (priority.mode === 'fixed') return PRIORITY_LABELS[priority.value];
  const suggested = req.variables.ai_handoff_priority;
  return typeof suggested === 'string' && suggested in PRIORITY_LABELS
    ? `${PRIORITY_LABELS[suggested as keyof typeof PRIORITY_LABELS]} (suggested by the AI agent)`
    : 'Set by the AI from the conversation';
}

/** What the preview says of an answer the runtime gave, as a live chat would give it. */
function liveAnswerNote(found: boolean, fromSources: boolean, passages: number): string {
  const what = fromSources ? 'the knowledge sources' : "the block's knowledge";
  const count = fromSources ? ` ${chunkText(passages)} found` : '';
  return found
    ? `AI answer from ${what}, as a live chat would answer${fromSources ? `;${count}:` : '.'}`
    : `Nothing in ${what} answers this${fromSources ? ` (${count.trim()})` : ''}, so “No answer found” is followed.`;
}

/** A runtime call, as a live chat would make it; when it fails, why (the preview then simulates and says so). */
async function askRuntime<T>(call: () => Promise<T>): Promise<{ answer: T } | { why: string }> {
  try {
    return { answer: await call() };
  } catch (error) {
    return { why: `the runtime could not be asked: ${(error as Error).message}` };
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Effects for chatting with a draft in the builder:
 * - HTTP requests really run (from the browser);
 * - AI answers, AI agent turns and intent matches are the runtime's, as a live chat gets them (simulated locally
 *   only when the runtime cannot be asked, and said so);
 * - the handoff summary is written by the runtime's AI (stored nowhere); handoff and email only describe what would
 *   happen — nobody is alerted and nothing is sent.
 */
export function createPreviewEffects(options: PreviewEffectOptions): EngineEffects {
  const { note } = options;
  return {
    async http(req) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), req.timeoutMs);
      try {
        const response = await options.fetch(req.url, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          signal: controller.signal,
        });
        note({ kind: 'http', text: `${req.method} ${req.url} answered ${response.status}.` });
        return { status: response.status, body: await readBody(response) };
      } catch (error) {
        const reason = controller.signal.aborted ? `no answer within ${req.timeoutMs} ms` : (error as Error).message;
        note({ kind: 'http', text: `${req.method} ${req.url} failed: ${reason}.` });
        throw error;
      } finally {
        clearTimeout(timer);
      }
    },
    async answer(req) {
      const sourceIds = req.knowledgeSourceIds ?? [];
      const ask = options.answerFromSources;
      const asked =
        ask && (sourceIds.length > 0 || req.knowledge.trim() !== '')
          ? await askRuntime(() =>
              ask({ question: req.question, sourceIds, instructions: req.instructions, knowledge: req.knowledge }),
            )
          : null;
      if (asked && 'answer' in asked) {
        const { passages, ...result } = asked.answer;
        note({ kind: 'ai', text: liveAnswerNote(result.found, sourceIds.length > 0, passages.length), passages });
        return result;
      }
      const unavailable = asked ? ` (${asked.why})` : '';
      const result = answerFromKnowledge(req.question, req.knowledge);
      note({
        kind: 'ai',
        text: result.found
          ? `AI answer simulated in the preview from the closest knowledge sentence${unavailable}; live chats use the AI provider.`
          : `AI answer simulated${unavailable}: nothing in the knowledge matches, so “No answer found” is followed.`,
      });
      return result;
    },
    async agentTurn(req) {
      const ask = options.agentTurn;
      const asked = ask
        ? await askRuntime(() =>
            ask({
              instructions: req.instructions,
              knowledge: req.knowledge,
              knowledgeSourceIds: req.knowledgeSourceIds ?? [],
              handoff: req.handoff,
              transcript: recentLines(req.transcript),
              gathered: req.gathered,
            }),
          )
        : null;
      if (asked && 'answer' in asked) {
        const { turn, passages, provider } = asked.answer;
        const by = provider === 'openai' ? 'the AI model' : 'the offline AI';
        note({
          kind: 'ai',
          text:
            'handoff' in turn
              ? `AI agent hands off, as in a live chat (${by}): ${turn.handoff.reason}`
              : `AI agent reply, as a live chat would get it (${by})${passages.length > 0 ? `; ${chunkText(passages.length)} found:` : '.'}`,
          ...(passages.length > 0 ? { passages } : {}),
        });
        return turn;
      }
      const unavailable = asked ? ` (${asked.why})` : '';
      const result = simulateAgentTurn(req);
      note({
        kind: 'ai',
        text:
          'handoff' in result
            ? `AI agent simulated${unavailable}: it gathered the details and follows “Hand off to a human”; live chats use the AI provider.`
            : `AI agent reply simulated in the preview from the knowledge${unavailable}; live chats use the AI provider.`,
      });
      return result;
    },
    async classifyIntent(req) {
      const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;
      const nameOf = (id: string | null) => req.intents.find((i) => i.id === id)?.name;
      const ask = options.matchIntent;
      const asked =
        ask && req.intents.length > 0 ? await askRuntime(() => ask({ text: req.text, intents: req.intents })) : null;
      if (asked && 'answer' in asked) {
        const { intentId, confidence, provider } = asked.answer;
        const name = nameOf(intentId);
        const by = provider === 'openai' ? 'by the AI model' : 'by the offline matcher';
        if (name) note({ kind: 'intent', text: `Recognised intent “${name}” (${by}, ${percent(confidence)}).` });
        return { intentId, confidence };
      }
      const unavailable = asked ? `; ${asked.why}` : '';
      const result = classifyLexically(req.text, req.intents);
      const name = nameOf(result.intentId);
      if (name || unavailable)
        note({
          kind: 'intent',
          text: name
            ? `Recognised intent “${name}” (simulated match, ${percent(result.confidence)}${unavailable}).`
            : `No intent recognised (simulated match${unavailable}).`,
        });
      return result;
    },
    async handoff(req) {
      const { teamId } = req.settings;
      const team = teamId ? (options.teamName?.(teamId) ?? teamId) : 'Any team (the default team, or all agents)';
      if (!options.agentsAvailable()) {
        note({
          kind: 'handoff',
          text: 'Nobody available (preview switch): the flow follows the “Offline” path. No one was alerted.',
        });
        return { outcome: 'offline' };
      }
      const lines = options.transcript?.() ?? [];
      const handoff: HandoffPreview = {
        summary: previewSummary(lines, req.variables),
        ai: options.summarize
          ? requestAiSummary(
              options.summarize,
              lines,
              req.variables,
              req.settings.priority.mode === 'fixed' ? 'fixed' : 'ai',
            )
          : undefined,
        priority: priorityText(req),
        team,
        recipients: (await options.recipients?.(teamId)) ?? null,
      };
      note({
        kind: 'handoff',
        text: 'Would hand off: the conversation is flagged “Needs agent intervention”. Preview only — no one was alerted.',
        handoff,
      });
      return { outcome: 'handed_off' };
    },
    async sendEmail(req) {
      note({
        kind: 'email',
        text: `Would email ${req.to || '(nobody)'}: “${req.subject}”. Not sent from the preview.`,
      });
    },
  };
}
