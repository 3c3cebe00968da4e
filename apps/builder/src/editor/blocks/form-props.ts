import type { BlockOf, BlockType } from '@flowdesk/flow-schema';
import type { FieldValue } from './fields';

export interface BlockFormProps<T extends BlockType> {
  block: BlockOf<T>;
  /** New settings; `field` names what changed so typing into one field is one undo step. */
  update: (data: BlockOf<T>['data'], field: string) => void;
}

/**
 * Binds fields to the settings in `data`: `setting(key, empty)` is the field's `value` (`empty` while the setting
 * is unset) and an `onChange` that updates that key alone, naming it as the undo step.
 */
export function bindSettings<D extends object>(data: D, update: (data: D, field: string) => void) {
  function setting<K extends keyof D & string>(key: K): FieldValue<D[K]>;
  function setting<K extends keyof D & string>(key: K, empty: NonNullable<D[K]>): FieldValue<NonNullable<D[K]>>;
  function setting<K extends keyof D & string>(key: K, empty?: D[K]): FieldValue<D[K]> {
    return { value: data[key] ?? (empty as D[K]), onChange: (value) => update({ ...data, [key]: value }, key) };
  }
  return setting;
}
