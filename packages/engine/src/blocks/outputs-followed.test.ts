import { BLOCK_TYPES, type BlockType, blockDefinitions, blockOutputs } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { compileFlow } from '../compile';
import { branchingFlow } from '../testing/tiny-flow';

/** Data per type whose outputs differ by settings: every variant the schema can declare. */
const variants: Partial<Record<BlockType, Record<string, unknown>[]>> = {
  buttons: [{}, { allowTyping: true }],
};

const cases = BLOCK_TYPES.filter((type) => type !== 'start').flatMap((type) =>
  (variants[type] ?? [{}]).map((extra) => ({ type, data: { ...blockDefinitions[type].defaults(), ...extra } })),
);

// Every exit the schema (and so the builder's canvas) offers must be one the engine can take: an output
// added to a block's schema without the engine following it fails here.
describe('the engine follows every output a block declares', () => {
  test.each(cases)('$type $data', ({ type, data }) => {
    const parsed = blockDefinitions[type].data.parse(data);
    const outputs = blockOutputs({ type, data: parsed });
    const flow = branchingFlow(
      { id: 'b', type, data: parsed as Record<string, unknown> },
      outputs.map((o) => [o.id, `out_${o.id}`, o.id]),
      { intents: [{ id: 'intent', name: 'Intent' }] },
    );
    const config = JSON.stringify(compileFlow(flow).machine.config.states?.b);
    for (const o of outputs) expect(config, `output "${o.id}"`).toContain(`"#out_${o.id}"`);
  });
});
