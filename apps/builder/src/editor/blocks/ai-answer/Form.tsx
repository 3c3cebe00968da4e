import { TemplateField, VariableField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { KnowledgeSourcesField } from '../KnowledgeSourcesField';

export function AiAnswerForm({ block, update }: BlockFormProps<'ai_answer'>) {
  const setting = bindSettings(block.data, update);
  return (
    <>
      <p className="hint">
        Answers the visitor's last message from the chosen knowledge sources and the text below, naming its sources.
        When the answer is not in it, the “No answer found” output is followed.
      </p>
      <TemplateField label="Instructions" {...setting('instructions', '')} />
      <KnowledgeSourcesField {...setting('knowledgeSourceIds', [])} />
      <KnowledgeField {...setting('knowledge', '')} />
      <VariableField label="Save the answer in" optional {...setting('saveAs')} />
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
