import { slugify, uniqueId } from '../../model/ids';
import { CheckboxField, TemplateField, TextField, VariableField } from '../fields';
import type { BlockFormProps } from '../form-props';
import { ListEditor } from '../ListEditor';

export function ButtonsForm({ block, update }: BlockFormProps<'buttons'>) {
  const data = block.data;
  const buttons = data.buttons ?? [];
  return (
    <>
      <TemplateField label="Question" value={data.text ?? ''} onChange={(text) => update({ ...data, text }, 'text')} />
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
        onChange={(next) => update({ ...data, buttons: next }, 'buttons')}
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
        value={data.allowTyping ?? false}
        onChange={(allowTyping) => update({ ...data, allowTyping }, 'allowTyping')}
      />
      <VariableField
        label="Save the choice in"
        optional
        value={data.saveAs}
        onChange={(saveAs) => update({ ...data, saveAs }, 'saveAs')}
      />
    </>
  );
}
