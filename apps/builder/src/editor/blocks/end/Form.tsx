import { TemplateField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function EndForm({ block, update }: BlockFormProps<'end'>) {
  return (
    <TemplateField
      label="Last message (optional)"
      value={block.data.message ?? ''}
      onChange={(message) => update({ ...block.data, message: message || undefined }, 'message')}
    />
  );
}
