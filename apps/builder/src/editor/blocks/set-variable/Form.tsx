import { TemplateField, VariableField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function SetVariableForm({ block, update }: BlockFormProps<'set_variable'>) {
  const data = block.data;
  return (
    <>
      <VariableField
        label="Variable"
        value={data.variable}
        onChange={(variable) => update({ ...data, variable: variable ?? '' }, 'variable')}
      />
      <TemplateField
        label="Value"
        value={data.value ?? ''}
        onChange={(value) => update({ ...data, value }, 'value')}
        hint="Text, a number, or {{another_variable}}."
      />
    </>
  );
}
