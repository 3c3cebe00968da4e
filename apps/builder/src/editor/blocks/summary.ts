import type { Block, BlockOf, ConditionOperator, Intent, OutputHandle } from '@flowdesk/flow-schema';
import { outputsOf } from '../model/graph-ops';

/** Words for condition operators, shared by the canvas summary and the condition builder. */
export const OPERATOR_LABELS: Record<ConditionOperator, string> = {
  equals: 'is',
  not_equals: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  ends_with: 'ends with',
  greater_than: 'is greater than',
  less_than: 'is less than',
  is_empty: 'is empty',
  is_not_empty: 'is not empty',
  matches_regex: 'matches pattern',
};
export const UNARY_OPERATORS: ReadonlySet<ConditionOperator> = new Set(['is_empty', 'is_not_empty']);

export const PRIORITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', urgent: 'Urgent' } as const;

export interface SummaryContext {
  intents: Intent[];
  teamName?: (teamId: string) => string | undefined;
}

const intentName = (ctx: SummaryContext, id: string) =>
  ctx.intents.find((i) => i.id === id)?.name ?? `Unknown intent (${id})`;
const quote = (text: string) => `“${text}”`;

function conditionSummary(data: BlockOf<'condition'>['data']): string {
  const groups = (data.groups ?? []).map((group) =>
    (group.rules ?? [])
      .map((r) =>
        UNARY_OPERATORS.has(r.operator)
          ? `${r.variable} ${OPERATOR_LABELS[r.operator]}`
          : `${r.variable} ${OPERATOR_LABELS[r.operator] ?? r.operator} ${quote(r.value ?? '')}`,
      )
      .join(` ${(group.combinator ?? 'and').toUpperCase()} `),
  );
  const joined = groups.length > 1 ? groups.map((g) => `(${g})`) : groups;
  return joined.join(` ${(data.combinator ?? 'and').toUpperCase()} `) || 'No rules yet';
}

function messageSummary(content: BlockOf<'message'>['data']['content'] | undefined): string {
  if (!content) return 'Empty message';
  switch (content.type) {
    case 'text':
      return content.text || 'Empty message';
    case 'image':
      return `Image${content.caption ? `: ${content.caption}` : ''} · ${content.url}`;
    case 'video':
    case 'audio':
      return `${content.type === 'video' ? 'Video' : 'Audio'} · ${content.url}`;
    case 'file':
      return `File: ${content.name}`;
    case 'link':
      return `Link button: ${content.label}`;
    case 'carousel':
      return `Carousel of ${content.cards.length} card${content.cards.length === 1 ? '' : 's'}`;
  }
}

/** One or two readable lines describing what a block does with its current settings. */
export function summarize(block: Block, ctx: SummaryContext): string[] {
  switch (block.type) {
    case 'start':
      return ['When a conversation begins'];
    case 'intent_trigger':
      return [
        `When the visitor says ${quote(intentName(ctx, block.data.intentId))}`,
        block.data.scope === 'local' ? 'Only where the flow cannot use the text' : 'Anywhere in the chat',
      ];
    case 'message':
      return [messageSummary(block.data.content)];
    case 'buttons':
      return [
        block.data.text || 'No question text',
        ...(block.data.saveAs ? [`Saves choice to {{${block.data.saveAs}}}`] : []),
      ];
    case 'capture':
      return [
        block.data.prompt || 'No question text',
        `Expects ${block.data.inputType ?? 'text'} · saves to {{${block.data.saveAs ?? '?'}}}`,
      ];
    case 'condition':
      return [`If ${conditionSummary(block.data)}`];
    case 'set_variable':
      return [`{{${block.data.variable}}} = ${block.data.value || '(empty)'}`];
    case 'match_intent':
      return [
        `Recognises: ${(block.data.intentIds ?? []).map((id) => intentName(ctx, id)).join(', ') || 'nothing yet'}`,
      ];
    case 'ai_answer': {
      const words = (block.data.knowledge ?? '').split(/\s+/).filter(Boolean).length;
      return [block.data.instructions || 'No instructions', `Knowledge: ${words} word${words === 1 ? '' : 's'}`];
    }
    case 'http_request':
      return [`${block.data.method ?? 'GET'} ${block.data.url || '(no URL)'}`];
    case 'send_email':
      return [`To ${block.data.to || '(nobody)'}`, block.data.subject || '(no subject)'];
    case 'human_handoff': {
      const priority = block.data.priority;
      const team = block.data.teamId ? (ctx.teamName?.(block.data.teamId) ?? block.data.teamId) : 'Any team';
      return [
        `Priority: ${priority?.mode === 'fixed' ? PRIORITY_LABELS[priority.value] : 'AI decides'}`,
        `Team: ${team}`,
      ];
    }
    case 'end':
      return [block.data.message || 'Ends the conversation'];
  }
}

/** Output handles with the labels an admin recognises (intent names instead of ids). */
export function displayOutputs(block: Block, intents: Intent[]): OutputHandle[] {
  const outputs = outputsOf(block);
  if (block.type !== 'match_intent') return outputs;
  return outputs.map((o) =>
    o.id === 'no_match' ? o : { ...o, label: intents.find((i) => i.id === o.id)?.name ?? o.label },
  );
}
