import { Priority } from '@flowdesk/contract';
import { AIMessage, type BaseMessage, HumanMessage } from '@langchain/core/messages';
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts';
import type { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';
import { askForField, checkFieldValue, fieldKey, gatherFields } from '../fields';
import { prioritizeOffline } from '../offline/prioritize';
import type { AgentTurnInput, AgentTurnResult, HandoffAction, TranscriptLine } from '../provider';
import { strictJsonSchema } from './structured';

/** AI agent mode through tool calling: the model answers, or calls `human_handoff` once the gather fields are known. */

export const HANDOFF_TOOL = 'human_handoff';

const prompt = ChatPromptTemplate.fromMessages([
  [
    'system',
    '{instructions}\n\nAnswer only from this knowledge; when it does not cover a question, say so briefly.\n' +
      'Knowledge:\n{knowledge}\n\nHuman handoff: {policy}',
  ],
  new MessagesPlaceholder('history'),
]);

function argsSchema(handoff: HandoffAction) {
  const fields = Object.fromEntries(
    handoff.gather.map((label) => [fieldKey(label), z.string().describe(`The visitor's ${label}, exactly as given`)]),
  );
  return z.object({
    reason: z.string().describe('Why the visitor needs a human, in one line'),
    ...fields,
    ...(handoff.autoPriority ? { priority: Priority } : {}),
  });
}

function handoffTool(handoff: HandoffAction) {
  const parameters = strictJsonSchema(argsSchema(handoff));
  return {
    type: 'function' as const,
    function: {
      name: HANDOFF_TOOL,
      description: `Hand the conversation to a human agent. Use when: ${handoff.whenToUse}`,
      parameters,
    },
  };
}

function policy(handoff: HandoffAction, gathered: Record<string, string>): string {
  if (!handoff.enabled) return 'not available. Never promise a human.';
  const missing = handoff.gather.filter((f) => !gathered[fieldKey(f)]);
  return (
    `call the ${HANDOFF_TOOL} tool when: ${handoff.whenToUse || 'the visitor asks for a human'}; also whenever the ` +
    'visitor asks for a real person. ' +
    (missing.length > 0
      ? `Before calling it, ask the visitor for these, one question at a time: ${missing.join(', ')}. `
      : 'All required details are known. ') +
    `Already gathered: ${JSON.stringify(gathered)}. Put every gathered value in the tool call.`
  );
}

function history(transcript: TranscriptLine[]): BaseMessage[] {
  return transcript.flatMap((line): BaseMessage[] => {
    if (line.author === 'visitor') return [new HumanMessage(line.text)];
    if (line.author === 'bot') return [new AIMessage(line.text)];
    if (line.author === 'agent')
      return [new AIMessage(`[human agent${line.name ? ` ${line.name}` : ''}] ${line.text}`)];
    return [];
  });
}

function textOf(message: AIMessage): string {
  if (typeof message.content === 'string') return message.content.trim();
  return message.content
    .map((part) => ('text' in part && typeof part.text === 'string' ? part.text : ''))
    .join('')
    .trim();
}

export async function agentTurnWithModel(model: ChatOpenAI, input: AgentTurnInput): Promise<AgentTurnResult> {
  const { handoff } = input;
  const gathered = gatherFields(handoff.gather, input.transcript, input.gathered);
  const runnable = handoff.enabled ? model.bindTools([handoffTool(handoff)]) : model;
  const message = (await prompt.pipe(runnable).invoke({
    instructions: input.instructions || 'You are a helpful support assistant.',
    knowledge: input.knowledge || '(empty)',
    policy: policy(handoff, gathered),
    history: history(input.transcript),
  })) as AIMessage;

  const call = message.tool_calls?.find((c) => c.name === HANDOFF_TOOL);
  if (handoff.enabled && call) {
    const args = argsSchema(handoff).partial().safeParse(call.args);
    const values = (args.success ? args.data : {}) as Record<string, string | undefined>;
    for (const label of handoff.gather) {
      const value = checkFieldValue(label, values[fieldKey(label)]);
      if (value) gathered[fieldKey(label)] = value;
    }
    // The model may call the tool early; the fields are a hard requirement, so ask for what is still missing.
    const missing = handoff.gather.find((f) => !gathered[fieldKey(f)]);
    if (missing) return { reply: askForField(missing, { anyGathered: Object.keys(gathered).length > 0 }), gathered };
    const reason = values.reason?.trim() || 'The AI agent handed off the conversation';
    // Models without strict tool schemas may leave the priority out; the offline triage fills the gap.
    const priority = handoff.autoPriority
      ? (Priority.safeParse(values.priority).data ?? prioritizeOffline({ transcript: input.transcript }).priority)
      : undefined;
    return { handoff: { reason, gathered, ...(priority ? { priority } : {}) } };
  }

  const reply = textOf(message);
  if (!reply) throw new Error('The model returned neither a reply nor a handoff');
  return { reply, gathered };
}
