import { KnowledgeField } from '../ai-answer/Form';
import { CheckboxField, TemplateField, TextField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { KnowledgeSourcesField } from '../KnowledgeSourcesField';
import { ListEditor } from '../ListEditor';

export function AiAgentForm({ block, update }: BlockFormProps<'ai_agent'>) {
  const data = block.data;
  const handoff = data.handoff;
  const setting = bindSettings(data, update);
  const handoffSetting = bindSettings(handoff, (next, field) => update({ ...data, handoff: next }, `handoff.${field}`));
  return (
    <>
      <p className="hint">
        Talks with the visitor from your instructions and knowledge, one reply per message. With the Human handoff
        action on, it asks for the details below first, saves them as variables (with <code>ai_handoff_reason</code> and{' '}
        <code>ai_handoff_priority</code>) and follows “Hand off to a human” — connect it to a Human handoff block.
      </p>
      <TemplateField label="Instructions" {...setting('instructions')} />
      <KnowledgeSourcesField {...setting('knowledgeSourceIds', [])} />
      <KnowledgeField {...setting('knowledge')} />
      <fieldset className="fieldset">
        <legend>Action: human handoff</legend>
        <CheckboxField label="Enabled" {...handoffSetting('enabled')} />
        {handoff.enabled && (
          <>
            <TextField
              label="When to use"
              placeholder="The visitor asks for a person, is angry, or has a billing problem"
              {...handoffSetting('whenToUse')}
            />
            <span className="field-label">Information to gather before handing off</span>
            <ListEditor
              items={handoff.gather}
              onChange={handoffSetting('gather').onChange}
              create={() => ''}
              addLabel="Add a detail"
              itemName="detail"
              max={10}
              renderItem={(item, set) => (
                <TextField label="Detail" value={item} placeholder="email, order number…" onChange={set} />
              )}
            />
            <CheckboxField label="Auto-assign priority" {...handoffSetting('autoPriority')} />
          </>
        )}
      </fieldset>
    </>
  );
}
