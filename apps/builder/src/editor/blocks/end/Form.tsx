import { optionalText, TemplateField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';

export function EndForm({ block, update }: BlockFormProps<'end'>) {
  const setting = bindSettings(block.data, update);
  return <TemplateField label="Last message (optional)" {...optionalText(setting('message'))} />;
}
