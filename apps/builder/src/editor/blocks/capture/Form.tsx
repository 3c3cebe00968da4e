import type { CaptureData } from '@flowdesk/flow-schema';
import { labelledOptions } from '../../../ui/Select';

type FormField = NonNullable<CaptureData['fields']>[number];

import {
  CheckboxField,
  NumberField,
  optionalText,
  SelectField,
  TemplateField,
  TextField,
  VariableField,
} from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { ListEditor } from '../ListEditor';

type InputType = CaptureData['inputType'];
const INPUT_TYPES = labelledOptions<InputType>({
  text: 'Text',
  number: 'Number',
  email: 'Email address',
  phone: 'Phone number',
  url: 'Website address',
  date: 'Date',
  datetime: 'Date and time',
  form: 'Form with several fields',
});
const FIELD_TYPES = INPUT_TYPES.filter((t) => t.value !== 'form') as { value: FormField['inputType']; label: string }[];

export function CaptureForm({ block, update }: BlockFormProps<'capture'>) {
  const data = block.data;
  const validation = data.validation ?? {};
  const setting = bindSettings(data, update);
  const validationSetting = bindSettings(validation, (next, field) => update({ ...data, validation: next }, field));
  return (
    <>
      <TemplateField label="Question" {...setting('prompt', '')} />
      <SelectField
        label="Expected answer"
        value={data.inputType ?? 'text'}
        options={INPUT_TYPES}
        onChange={(inputType) =>
          update(
            {
              ...data,
              inputType,
              fields:
                inputType === 'form'
                  ? (data.fields ?? [{ name: 'name', label: 'Name', inputType: 'text' as const, required: true }])
                  : undefined,
            },
            'inputType',
          )
        }
      />
      {data.inputType === 'form' ? (
        <ListEditor
          items={data.fields ?? []}
          itemName="form field"
          addLabel="Add field"
          min={1}
          max={20}
          create={(): FormField => ({
            name: `field_${(data.fields?.length ?? 0) + 1}`,
            label: 'New field',
            inputType: 'text' as const,
            required: true,
          })}
          onChange={setting('fields').onChange}
          renderItem={(field, set) => (
            <>
              <div className="row">
                <TextField label="Label" value={field.label} onChange={(label) => set({ ...field, label })} />
                <TextField label="Saved as" value={field.name} onChange={(name) => set({ ...field, name })} />
              </div>
              <div className="row">
                <SelectField
                  label="Type"
                  value={field.inputType}
                  options={FIELD_TYPES}
                  onChange={(inputType) => set({ ...field, inputType })}
                />
                <CheckboxField
                  label="Required"
                  value={field.required ?? true}
                  onChange={(required) => set({ ...field, required })}
                />
              </div>
            </>
          )}
        />
      ) : (
        <TextField label="Placeholder" {...optionalText(setting('placeholder'))} />
      )}
      <VariableField
        label="Save the answer in"
        value={data.saveAs}
        onChange={(saveAs) => update({ ...data, saveAs: saveAs ?? '' }, 'saveAs')}
      />
      <fieldset className="fieldset">
        <legend>Validation</legend>
        {data.inputType === 'number' ? (
          <div className="row">
            <NumberField label="Smallest" {...validationSetting('min')} />
            <NumberField label="Largest" {...validationSetting('max')} />
          </div>
        ) : (
          <div className="row">
            <NumberField label="Min length" min={0} {...validationSetting('minLength')} />
            <NumberField label="Max length" min={1} {...validationSetting('maxLength')} />
          </div>
        )}
        <TextField
          label="Must match pattern (regular expression)"
          {...optionalText(validationSetting('pattern'))}
          placeholder="^[A-Z]{2}\d+$"
        />
        <TemplateField
          label="Message when the answer is not valid"
          multiline={false}
          {...setting('retryMessage', '')}
        />
        <NumberField
          label="Wrong answers allowed before the “Too many wrong answers” output"
          min={0}
          max={10}
          value={data.maxRetries}
          onChange={(maxRetries) => update({ ...data, maxRetries: maxRetries ?? 0 }, 'maxRetries')}
        />
      </fieldset>
    </>
  );
}
