import { slugify, uniqueId } from '../../model/ids';
import { CheckboxField, TemplateField, TextField, VariableField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { ListEditor } from '../ListEditor';

export function ButtonsForm({ block, update }: BlockFormProps<'buttons'>) {
  const data = block.data;
  const buttons = data.buttons ?? [];
  const setting = bindSettings(data, update);
  return (
    <>
      <TemplateField label="Question" {...setting('text', '')} />
      <div className="field-label">Buttons (each one is an output on the canvas)</div>
      <ListEditor
        items={buttons}
        itemName="button"
        addLabel="Add button"
        min={1}
        max={20}
        create={() => {
          const label = `Option ${buttons.length + 1}`;
          return { id: uniqueId(slugify(label, 'option'), new Set(buttons.map((b) => b.id))), label };
        }}
        onChange={setting('buttons').onChange}
        renderItem={(button, set) => (
          <TextField label="Label" value={button.label} onChange={(label) => set({ ...button, label })} />
        )}
      />
      <p className="hint">
        The visitor can always type: a button's label (typos forgiven) picks it, a global intent jumps there, anything
        else follows the “No match” output (unconnected: the fallback message and the question again).
      </p>
      <CheckboxField
        label="Typed text is an answer (saved; the “Typed something else” output replaces “No match”)"
        {...setting('allowTyping', false)}
      />
      <VariableField label="Save the choice in" optional {...setting('saveAs')} />
    </>
  );
}
