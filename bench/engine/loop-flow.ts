import { flowDocument, say, start } from '../../apps/runtime/test/fixtures/flow-builder';
import type { FlowDocumentInput } from '../../packages/flow-schema/src/index';

/** The transition workload: a click at the menu runs message → set variable → condition → back to the menu. */
export const loopFlow: FlowDocumentInput = flowDocument({
  id: 'loop',
  name: 'Loop',
  variables: [{ name: 'count', defaultValue: '' }],
  blocks: [
    start(),
    { id: 'menu', type: 'buttons', data: { text: 'Pick', buttons: [{ id: 'go', label: 'Go' }], saveAs: 'choice' } },
    say('say', 'You chose {{choice}}'),
    { id: 'count', type: 'set_variable', data: { variable: 'count', value: 'x' } },
    {
      id: 'check',
      type: 'condition',
      data: { groups: [{ rules: [{ variable: 'choice', operator: 'equals', value: 'Go' }] }] },
    },
  ],
  wires: ['start -> menu', 'menu.go -> say -> count -> check', 'check.true -> menu', 'check.false -> menu'],
});

/** Blocks entered per click in the loop above. */
export const TRANSITIONS_PER_EVENT = 4;
