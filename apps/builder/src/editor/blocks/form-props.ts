import type { BlockOf, BlockType } from '@flowdesk/flow-schema';

export interface BlockFormProps<T extends BlockType> {
  block: BlockOf<T>;
  /** New settings; `field` names what changed so typing into one field is one undo step. */
  update: (data: BlockOf<T>['data'], field: string) => void;
}
