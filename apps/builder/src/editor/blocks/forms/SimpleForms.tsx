import { SelectField, TemplateField, VariableField } from '../fields';
import type { BlockFormProps } from './types';

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

function KnowledgeField({ value, onChange }: { value: string; onChange: (v: string) => void }) {
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

export function SendEmailForm({ block, update }: BlockFormProps<'send_email'>) {
  const data = block.data;
  return (
    <>
      <TemplateField
        label="To"
        multiline={false}
        value={data.to ?? ''}
        onChange={(to) => update({ ...data, to }, 'to')}
        placeholder="support@example.com or {{email}}"
      />
      <TemplateField
        label="Subject"
        multiline={false}
        value={data.subject ?? ''}
        onChange={(subject) => update({ ...data, subject }, 'subject')}
      />
      <TemplateField label="Text" value={data.body ?? ''} onChange={(body) => update({ ...data, body }, 'body')} />
    </>
  );
}

export function EndForm({ block, update }: BlockFormProps<'end'>) {
  return (
    <TemplateField
      label="Last message (optional)"
      value={block.data.message ?? ''}
      onChange={(message) => update({ ...block.data, message: message || undefined }, 'message')}
    />
  );
}

export function IntentTriggerForm({
  block,
  update,
  intents,
}: BlockFormProps<'intent_trigger'> & { intents: { id: string; name: string }[] }) {
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
