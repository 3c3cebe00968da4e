import { TemplateField, VariableField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function AiAnswerForm({ block, update }: BlockFormProps<'ai_answer'>) {
  const data = block.data;
  return (
    <>
      <p className="hint">
        Answers the visitor's last message from the knowledge below. When the answer is not in it, the “No answer found”
        output is followed.
      </p>
      <TemplateField
        label="Instructions"
        value={data.instructions ?? ''}
        onChange={(instructions) => update({ ...data, instructions }, 'instructions')}
      />
      <KnowledgeField
        value={data.knowledge ?? ''}
        onChange={(knowledge) => update({ ...data, knowledge }, 'knowledge')}
      />
      <VariableField
        label="Save the answer in"
        optional
        value={data.saveAs}
        onChange={(saveAs) => update({ ...data, saveAs }, 'saveAs')}
      />
    </>
  );
}

export function KnowledgeField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const words = value.split(/\s+/).filter(Boolean).length;
  return (
    <label className="field">
      <span>Knowledge (FAQ, prices, policies…)</span>
      <textarea
        rows={8}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="Q: How much does it cost? A: Plans start at $19/month…"
      />
      <small>{words} words</small>
    </label>
  );
}
