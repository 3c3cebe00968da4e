import { TemplateField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';

export function SendEmailForm({ block, update }: BlockFormProps<'send_email'>) {
  const setting = bindSettings(block.data, update);
  return (
    <>
      <TemplateField
        label="To"
        multiline={false}
        {...setting('to', '')}
        placeholder="support@example.com or {{email}}"
      />
      <TemplateField label="Subject" multiline={false} {...setting('subject', '')} />
      <TemplateField label="Text" {...setting('body', '')} />
    </>
  );
}
