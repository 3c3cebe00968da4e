import type { Block, BlockOf, BlockType } from '@flowdesk/flow-schema';
import type { ComponentType } from 'react';
import type { BlockFormProps } from './form-props';
import { builderBlocks } from './index';

/** The inspector form of a block's type, or a hint for a type this builder does not know. */
export function BlockForm({ block, update }: { block: Block; update: (data: unknown, field: string) => void }) {
  const Form = (builderBlocks[block.type] as { Form: ComponentType<BlockFormProps<BlockType>> } | undefined)?.Form;
  if (!Form) return <p className="hint">Unknown block type “{block.type}”. Remove this block.</p>;
  return <Form block={block as BlockOf<BlockType>} update={update} />;
}
