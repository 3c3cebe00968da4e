import { TemplateField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function SendEmailForm({ block, update }: BlockFormProps<'send_email'>) {
  const data = block.data;
  return (
    <>
      <TemplateField
        label="To"
        multiline={false}
        value={data.to ?? ''}
        onChange={(to) => update({ ...data, to }, 'to')}
        placeholder="support@example.com or {{email}}"
      />
      <TemplateField
        label="Subject"
        multiline={false}
        value={data.subject ?? ''}
        onChange={(subject) => update({ ...data, subject }, 'subject')}
      />
      <TemplateField label="Text" value={data.body ?? ''} onChange={(body) => update({ ...data, body }, 'body')} />
    </>
  );
}
