import { optionalText, TemplateField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function EndForm({ block, update }: BlockFormProps<'end'>) {
  return (
    <TemplateField
      label="Last message (optional)"
      {...optionalText(block.data.message, (message) => update({ ...block.data, message }, 'message'))}
    />
  );
}
