import type { MessageContent } from '@flowdesk/contract';
import { type BlockOf, type ButtonsData, interpolate, type Variables } from '@flowdesk/flow-schema';
import type { Transition } from '../machine/config';
import { blockState } from '../machine/transitions';
import { TAGS, type VisitorContent } from '../machine/types';
import { inputStates, WAIT } from '../machine/waiting';
import type { BlockCompiler } from './compiler';

/**
 * Asks its question (actions `ask`, `emitAwaiting`) and waits: a chosen button follows its output, typed
 * text follows `typed` when allowed, anything else repeats the choices after the fallback message.
 */
export const compileButtons: BlockCompiler<'buttons'> = (block, index) => {
  const params = { blockId: block.id };
  const handle: Transition[] = block.data.buttons.map((b) => ({
    guard: { type: 'buttonChosen', params: { ...params, buttonId: b.id } },
    target: index.target(block.id, b.id),
    actions: { type: 'saveChoice', params: { ...params, buttonId: b.id } },
  }));
  if (block.data.allowTyping)
    handle.push({
      guard: 'inputIsText',
      target: index.target(block.id, 'typed'),
      actions: { type: 'saveTyped', params },
    });
  handle.push({ target: WAIT, actions: { type: 'fallback', params } });
  return {
    ...blockState(index, block.id, [{ type: 'ask', params }, 'emitAwaiting']),
    ...inputStates(TAGS.waiting, handle),
  };
};

/** The choice prompt: `text` (the question, or the fallback message) over the block's buttons. */
export function renderChoice(block: BlockOf<'buttons'>, text: string, vars: Variables): MessageContent {
  return {
    type: 'choice',
    text: interpolate(text, vars),
    options: block.data.buttons.map((b) => ({ id: b.id, label: b.label })),
    allowTyping: block.data.allowTyping,
  };
}

const normalize = (s: string) => s.trim().toLowerCase();

/** The button a visitor's answer picks: a click on it, or typing its label (case and spaces ignored). */
export function matchButton(data: ButtonsData, input: VisitorContent | null): string | null {
  if (input?.type === 'choice_reply') return data.buttons.some((b) => b.id === input.optionId) ? input.optionId : null;
  if (input?.type !== 'text') return null;
  const typed = normalize(input.text);
  return data.buttons.find((b) => normalize(b.label) === typed)?.id ?? null;
}

export const buttonLabel = (data: ButtonsData, buttonId: string): string =>
  data.buttons.find((b) => b.id === buttonId)?.label ?? '';
