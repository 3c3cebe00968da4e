import { labelledOptions } from '../../../ui/Select';
import { useEditor } from '../../editor-context';
import { SelectField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';

const SCOPES = labelledOptions({
  global: 'Anywhere in the chat (global)',
  local: 'Only where the flow cannot use the text (local)',
});

export function IntentTriggerForm({ block, update }: BlockFormProps<'intent_trigger'>) {
  const { intents } = useEditor().doc;
  const data = block.data;
  const setting = bindSettings(data, update);
  return (
    <>
      <SelectField
        label="When the visitor's message means"
        {...setting('intentId')}
        options={[
          ...(intents.some((i) => i.id === data.intentId)
            ? []
            : [{ value: data.intentId, label: `Unknown intent (${data.intentId})` }]),
          ...intents.map((i) => ({ value: i.id, label: i.name })),
        ]}
      />
      <SelectField label="Listen" {...setting('scope', 'global')} options={SCOPES} />
    </>
  );
}
