import {
  AI_AGENT_OUTPUTS,
  AI_HANDOFF_VARIABLES,
  gatheredVariableName,
  interpolate,
  setPath,
  type Variables,
} from '@flowdesk/flow-schema';
import type { AgentTurnRequest, AgentTurnResult } from '../effects';
import type { FlowIndex } from '../machine/flow-index';
import type { BlockParams, Guard } from '../machine/implement';
import { assignWith, emitAndAssign, inputOf, inputText, outputOf } from '../machine/implement';
import { citedText, text } from '../machine/render';
import { awaitEffect, blockState } from '../machine/transitions';
import { type AgentMemory, type EngineContext, TAGS } from '../machine/types';
import type { BlockCompiler } from './compiler';

/** Lines of the agent's transcript kept in the context (and sent to the model). */
export const AGENT_TRANSCRIPT_LIMIT = 40;
const FAILED_REPLY = 'Sorry, I could not answer just now. Could you say that again?';

/**
 * Converses: each visitor message is one `agentTurn` of the host; a reply is said and the block waits
 * again, a handoff saves the reason, priority and gathered fields as variables and follows `handoff`.
 */
export const compileAiAgent: BlockCompiler<'ai_agent'> = (block, index) => {
  const params = { blockId: block.id };
  return {
    ...blockState(index, block.id, [{ type: 'agentStart', params }]),
    initial: 'listen',
    states: {
      listen: {
        tags: [TAGS.waiting],
        on: { visitor_message: { target: 'turn', actions: ['recordInput', { type: 'agentHeard', params }] } },
      },
      turn: awaitEffect({
        effect: 'agentTurn',
        input: ({ context }): AgentTurnRequest => turnRequest(block.data, context),
        onDone: [
          {
            guard: { type: 'agentHandsOff', params },
            target: index.target(block.id, AI_AGENT_OUTPUTS.handoff),
            actions: { type: 'agentHandedOff', params },
          },
          { target: 'listen', actions: { type: 'agentReplied', params } },
        ],
        onError: { target: 'listen', actions: { type: 'agentFailed', params } },
      }),
    },
  };
};

const memoryOf = (context: EngineContext): AgentMemory => context.agent ?? { transcript: [], gathered: {} };

function turnRequest(
  data: { instructions: string; knowledge: string; knowledgeSourceIds: string[]; handoff: AgentTurnRequest['handoff'] },
  context: EngineContext,
): AgentTurnRequest {
  const memory = memoryOf(context);
  return {
    instructions: interpolate(data.instructions, context.variables),
    knowledge: interpolate(data.knowledge, context.variables),
    ...(data.knowledgeSourceIds.length > 0 ? { knowledgeSourceIds: data.knowledgeSourceIds } : {}),
    handoff: data.handoff,
    transcript: memory.transcript,
    gathered: memory.gathered,
    variables: context.variables,
  };
}

function remember(memory: AgentMemory, line: AgentMemory['transcript'][number], gathered?: unknown): AgentMemory {
  return {
    transcript: [...memory.transcript, line].slice(-AGENT_TRANSCRIPT_LIMIT),
    gathered: { ...memory.gathered, ...stringsOnly(gathered) },
  };
}

function stringsOnly(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The handoff's reason, priority and gathered fields as flow variables. */
function handoffVariables(
  vars: Variables,
  handoff: Partial<Extract<AgentTurnResult, { handoff: unknown }>['handoff']>,
) {
  let out = setPath(vars, AI_HANDOFF_VARIABLES.reason, String(handoff.reason ?? ''));
  if (handoff.priority) out = setPath(out, AI_HANDOFF_VARIABLES.priority, handoff.priority);
  for (const [field, value] of Object.entries(stringsOnly(handoff.gathered))) {
    out = setPath(out, gatheredVariableName(field), value);
  }
  return out;
}

export function aiAgentImplementations(index: FlowIndex) {
  const blockOf = (params: BlockParams) => index.block(params.blockId, 'ai_agent');
  const agentHandsOff: Guard = ({ event }, params) =>
    blockOf(params).data.handoff.enabled && typeof outputOf<{ handoff: unknown }>(event)?.handoff === 'object';
  const say = (context: EngineContext, reply: string, gathered?: unknown, citations?: unknown) => ({
    emits: [{ type: 'output' as const, content: citations ? citedText(reply, citations) : text(reply) }],
    assign: { agent: remember(memoryOf(context), { author: 'bot', text: reply }, gathered) },
  });
  return {
    actions: {
      agentStart: assignWith<BlockParams>(() => ({ agent: { transcript: [], gathered: {} }, awaiting: null })),
      agentHeard: assignWith<BlockParams>(({ context, event }) => ({
        agent: remember(memoryOf(context), { author: 'visitor', text: inputText(inputOf(event)) }),
      })),
      agentReplied: emitAndAssign<BlockParams>(({ context, event }) => {
        const output = outputOf<{ reply: string; gathered: Record<string, string>; citations?: unknown }>(event);
        const reply = typeof output?.reply === 'string' && output.reply.trim() !== '' ? output.reply : undefined;
        return say(context, reply ?? FAILED_REPLY, output?.gathered, reply ? output?.citations : undefined);
      }),
      agentFailed: emitAndAssign<BlockParams>(({ context }) => say(context, FAILED_REPLY)),
      agentHandedOff: assignWith<BlockParams>(({ context, event }) => {
        const handoff = outputOf<{ handoff: Record<string, unknown> }>(event)?.handoff ?? {};
        const gathered = { ...memoryOf(context).gathered, ...stringsOnly(handoff.gathered) };
        return {
          agent: null,
          variables: handoffVariables(context.variables, { ...handoff, gathered } as never),
        };
      }),
    },
    guards: { agentHandsOff },
  };
}
