import { useEditor } from '../../editor-context';
import { SelectField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function IntentTriggerForm({ block, update }: BlockFormProps<'intent_trigger'>) {
  const { intents } = useEditor().doc;
  const data = block.data;
  return (
    <>
      <SelectField
        label="When the visitor's message means"
        value={data.intentId}
        options={[
          ...(intents.some((i) => i.id === data.intentId)
            ? []
            : [{ value: data.intentId, label: `Unknown intent (${data.intentId})` }]),
          ...intents.map((i) => ({ value: i.id, label: i.name })),
        ]}
        onChange={(intentId) => update({ ...data, intentId }, 'intentId')}
      />
      <SelectField
        label="Listen"
        value={data.scope ?? 'global'}
        options={[
          { value: 'global', label: 'Anywhere in the chat (global)' },
          { value: 'local', label: 'Only where the flow cannot use the text (local)' },
        ]}
        onChange={(scope) => update({ ...data, scope }, 'scope')}
      />
    </>
  );
}
