import { interpolate } from '@flowdesk/flow-schema';
import type { HandoffEffectResult } from '../effects';
import type { FlowIndex } from '../machine/flow-index';
import { type BlockParams, emitAndAssign, type Guard, type ImplArgs, outputOf } from '../machine/implement';
import { text } from '../machine/render';
import { blockState } from '../machine/transitions';
import type { EngineEmitted } from '../machine/types';
import { TAGS } from '../machine/types';
import type { BlockCompiler } from './compiler';

/** Asks the host to hand off; pauses (tag `handoff`) until an agent hands back or nobody replies in time. */
export const compileHumanHandoff: BlockCompiler<'human_handoff'> = (block, index) => {
  const params = { blockId: block.id };
  const to = (handle: string) => index.target(block.id, handle);
  const offline = { target: to('offline'), actions: { type: 'offline' as const, params } };
  const timeoutConnected = index.doc.edges.some((e) => e.source === block.id && e.sourceHandle === 'no_agent_timeout');
  return {
    ...blockState(index, block.id),
    initial: 'request',
    states: {
      request: {
        invoke: {
          src: 'handoff',
          input: ({ context }) => ({ blockId: block.id, settings: block.data, variables: context.variables }),
          onDone: [{ guard: 'handoffAccepted', target: 'paused', actions: { type: 'handedOff', params } }, offline],
          onError: offline,
        },
      },
      paused: {
        tags: [TAGS.handoff],
        on: {
          handback: { target: to('handed_off'), actions: 'resetSteps' },
          ...(timeoutConnected ? { no_agent_timeout: { target: to('no_agent_timeout'), actions: 'resetSteps' } } : {}),
          visitor_message: { actions: 'recordInput' },
        },
      },
    },
  };
};

/** The host's message (e.g. with the expected reply time) when it sent one, else the block's own. */
function notice({ event, context }: ImplArgs, template: string): EngineEmitted[] {
  const message = outputOf<HandoffEffectResult>(event)?.message;
  const said = typeof message === 'string' ? message : interpolate(template, context.variables);
  return said ? [{ type: 'output', content: text(said) }] : [];
}

export function humanHandoffImplementations(index: FlowIndex) {
  const blockOf = (params: BlockParams) => index.block(params.blockId, 'human_handoff');
  const handoffAccepted: Guard<undefined> = ({ event }) =>
    outputOf<HandoffEffectResult>(event)?.outcome === 'handed_off';
  return {
    actions: {
      handedOff: emitAndAssign<BlockParams>((args, params) => {
        const { data } = blockOf(params);
        return {
          emits: [
            ...notice(args, data.confirmationMessage),
            { type: 'handoff', blockId: params.blockId, settings: data },
          ],
        };
      }),
      offline: emitAndAssign<BlockParams>((args, params) => ({
        emits: notice(args, blockOf(params).data.offlineMessage),
      })),
    },
    guards: { handoffAccepted },
  };
}
