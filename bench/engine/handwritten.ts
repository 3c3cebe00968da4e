import {
  type ConditionData,
  evaluateCondition,
  interpolate,
  setPath,
  type Variables,
} from '../../packages/flow-schema/src/index';
import { assign, emit, setup } from './deps';

const condition: ConditionData = {
  combinator: 'and',
  groups: [{ combinator: 'and', rules: [{ variable: 'choice', operator: 'equals', value: 'Go' }] }],
};
const choice = { type: 'choice' as const, text: 'Pick', options: [{ id: 'go', label: 'Go' }], allowTyping: false };

/** The loop flow written by hand as a plain XState machine doing the same work per block. */
export const handwrittenMachine = setup({
  types: {
    context: {} as { variables: Variables },
    events: {} as { type: 'visitor_message'; content: { type: 'choice_reply'; optionId: string; label: string } },
    emitted: {} as { type: 'output'; content: unknown },
  },
}).createMachine({
  id: 'handwritten',
  initial: 'menu',
  context: { variables: { count: '' } },
  states: {
    menu: {
      entry: emit({ type: 'output', content: choice }),
      on: {
        visitor_message: {
          guard: ({ event }) => event.content.optionId === 'go',
          target: 'say',
          actions: assign({
            variables: ({ context, event }) =>
              setPath(setPath(context.variables, 'last_message', event.content.label), 'choice', 'Go'),
          }),
        },
      },
    },
    say: {
      entry: emit(({ context }) => ({
        type: 'output' as const,
        content: { type: 'text', text: interpolate('You chose {{choice}}', context.variables) },
      })),
      always: 'count',
    },
    count: {
      entry: assign({
        variables: ({ context }) => setPath(context.variables, 'count', interpolate('x', context.variables)),
      }),
      always: 'check',
    },
    check: {
      always: [
        { guard: ({ context }) => evaluateCondition(condition, context.variables), target: 'menu' },
        { target: 'menu' },
      ],
    },
  },
});
