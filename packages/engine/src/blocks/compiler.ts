import type { BlockOf, BlockType } from '@flowdesk/flow-schema';
import type { StateConfig } from '../machine/config';
import type { FlowIndex } from '../machine/flow-index';

/** Turns one block of type `T` into its XState state (state id = block id). */
export type BlockCompiler<T extends BlockType> = (block: BlockOf<T>, index: FlowIndex) => StateConfig;

/** One compiler for every block type of the schema's registry. */
export type BlockCompilers = { [T in BlockType]: BlockCompiler<T> };
