import type { MessageContent } from '@flowdesk/contract';
import { type BlockOf, interpolate, NO_MATCH_OUTPUT, TYPED_OUTPUT, type Variables } from '@flowdesk/flow-schema';
import type { Transition } from '../machine/config';
import type { FlowIndex } from '../machine/flow-index';
import {
  assignWith,
  type BlockParams,
  emitWith,
  type Guard,
  inputOf,
  inputText,
  receiveAndSave,
} from '../machine/implement';
import { blockState } from '../machine/transitions';
import { TAGS } from '../machine/types';
import { inputStates, WAIT } from '../machine/waiting';
import { matchButton } from './button-match';
import type { BlockCompiler } from './compiler';

export { matchButton };

/**
 * Asks its question (actions `askChoice`, `emitAwaiting`) and waits: a chosen button (clicked, or its label
 * typed) follows its output. Other typed text (no global intent matched it, see `intentRequest`) follows
 * `typed` when typing is an answer, else `no_match` when connected; anything else repeats the choices after
 * the fallback message.
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
      target: index.target(block.id, TYPED_OUTPUT),
      actions: { type: 'saveTyped', params },
    });
  else if (index.doc.edges.some((e) => e.source === block.id && e.sourceHandle === NO_MATCH_OUTPUT))
    handle.push({ guard: 'inputIsText', target: index.target(block.id, NO_MATCH_OUTPUT) });
  handle.push({ target: WAIT, actions: { type: 'fallback', params } });
  return {
    ...blockState(index, block.id, [{ type: 'askChoice', params }, 'emitAwaiting']),
    ...inputStates(TAGS.waiting, handle),
  };
};

/** The choice prompt: `text` (the question, or the fallback message) over the block's buttons. */
function renderChoice(block: BlockOf<'buttons'>, text: string, vars: Variables): MessageContent {
  return {
    type: 'choice',
    text: interpolate(text, vars),
    options: block.data.buttons.map((b) => ({ id: b.id, label: b.label })),
    allowTyping: block.data.allowTyping,
  };
}

type ButtonParams = BlockParams & { buttonId: string };

/** The actions and guards `compileButtons` names, for `createFlowSetup`. */
export function buttonsImplementations(index: FlowIndex) {
  const blockOf = (params: BlockParams) => index.block(params.blockId, 'buttons');
  const buttonChosen: Guard<ButtonParams> = ({ event }, params) =>
    matchButton(blockOf(params).data, inputOf(event)) === params.buttonId;
  const inputIsText: Guard<undefined> = ({ event }) => inputOf(event)?.type === 'text';
  return {
    actions: {
      /** Entering the question: remember what is asked (then `emitAwaiting` sends it). */
      askChoice: assignWith<BlockParams>(({ context }, params) => {
        const block = blockOf(params);
        return { awaiting: renderChoice(block, block.data.text, context.variables), retries: 0 };
      }),
      fallback: emitWith<BlockParams>(({ context }, params) => ({
        type: 'output',
        content: renderChoice(blockOf(params), index.doc.settings.fallbackMessage, context.variables),
      })),
      // The save actions also record the input when they run on the visitor's event (see `received`).
      saveChoice: assignWith<ButtonParams>(({ context, event }, params) => {
        const { data } = blockOf(params);
        const label = data.buttons.find((b) => b.id === params.buttonId)?.label ?? '';
        return receiveAndSave(context, event, data.saveAs, label);
      }),
      saveTyped: assignWith<BlockParams>(({ context, event }, params) =>
        receiveAndSave(context, event, blockOf(params).data.saveAs, inputText(inputOf(event))),
      ),
    },
    guards: { buttonChosen, inputIsText },
  };
}
