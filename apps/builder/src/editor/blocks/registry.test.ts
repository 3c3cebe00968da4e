import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileFlow } from '@flowdesk/engine';
import { BLOCK_TYPES, type BlockType, blockDefinitions, variablesSetBy } from '@flowdesk/flow-schema';
import { describe, expect, test } from 'vitest';
import { addBlocks, connect, createBlock } from '../model/graph-ops';
import { sampleFlow } from '../model/test-flow';
import { builderBlocks } from './index';

/**
 * A block type is one file or folder per layer, under the type's name (`http_request` → `http-request`), and
 * every layer registers it. TypeScript already refuses a registry record without the type; this also catches a
 * piece filed under another name, and a layer that lists a type but cannot build or run it.
 */
const REPO = resolve(import.meta.dirname, '../../../../..');
const folderName = (type: BlockType) => type.replaceAll('_', '-');
const layers = {
  schema: (type: BlockType) => `packages/flow-schema/src/blocks/${folderName(type)}.ts`,
  engine: (type: BlockType) => `packages/engine/src/blocks/${folderName(type)}.ts`,
  form: (type: BlockType) => `apps/builder/src/editor/blocks/${folderName(type)}/Form.tsx`,
  summary: (type: BlockType) => `apps/builder/src/editor/blocks/${folderName(type)}/summary.ts`,
};

/** A flow whose start leads to one fresh block of the type, with its defaults. */
function flowWith(type: BlockType) {
  const doc = sampleFlow();
  if (type === 'start') return { doc, block: doc.blocks[0]! };
  const block = createBlock(doc, type, { x: 0, y: 400 });
  const added = addBlocks(doc, [block]);
  const wired =
    type === 'intent_trigger' ? added : connect(added, { source: 'bye', sourceHandle: 'next', target: block.id });
  return { doc: wired, block };
}

describe.each(BLOCK_TYPES)('block type %s', (type) => {
  test('has its piece in every layer, filed under the same name', () => {
    for (const [layer, path] of Object.entries(layers))
      expect(existsSync(resolve(REPO, path(type))), `${layer}: ${path(type)}`).toBe(true);
    expect(readFileSync(resolve(REPO, layers.schema(type)), 'utf8')).toContain(`type: '${type}'`);
    expect(readFileSync(resolve(REPO, 'packages/engine/src/blocks/index.ts'), 'utf8')).toContain(
      `from './${folderName(type)}'`,
    );
  });

  test('the schema defines it, the builder edits and summarises it, the engine compiles it', () => {
    expect(blockDefinitions[type].type).toBe(type);
    const { doc, block } = flowWith(type);
    expect(builderBlocks[type].Form).toBeTypeOf('function');
    const summary = (builderBlocks[type].summary as (b: typeof block, ctx: object) => string[])(block, {
      intents: doc.intents,
    });
    expect(Array.isArray(summary)).toBe(true);
    expect(Array.isArray(variablesSetBy(block))).toBe(true);
    expect(() => compileFlow(doc)).not.toThrow();
  });
});

test('no builder block folder exists for a type the schema does not know', () => {
  const folders = readdirSync(import.meta.dirname, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  expect(folders.sort()).toEqual(BLOCK_TYPES.map(folderName).sort());
});
