import { TemplateField, VariableField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';

export function SetVariableForm({ block, update }: BlockFormProps<'set_variable'>) {
  const data = block.data;
  const setting = bindSettings(data, update);
  return (
    <>
      <VariableField
        label="Variable"
        value={data.variable}
        onChange={(variable) => update({ ...data, variable: variable ?? '' }, 'variable')}
      />
      <TemplateField label="Value" {...setting('value', '')} hint="Text, a number, or {{another_variable}}." />
    </>
  );
}
