import { useEditor } from '../../editor-context';
import { CheckboxField } from '../fields';
import type { BlockFormProps } from '../form-props';

export function MatchIntentForm({ block, update }: BlockFormProps<'match_intent'>) {
  const { doc, openPanel } = useEditor();
  const selected = new Set(block.data.intentIds ?? []);
  const toggle = (id: string, on: boolean) =>
    update(
      { ...block.data, intentIds: doc.intents.map((i) => i.id).filter((i) => (i === id ? on : selected.has(i))) },
      'intentIds',
    );
  return (
    <>
      <p className="hint">
        Recognises what the visitor's last message is about. Each chosen intent becomes an output; anything else goes to
        “No match”.
      </p>
      {doc.intents.length === 0 ? <p className="hint">This flow has no intents yet.</p> : null}
      <fieldset className="fieldset">
        <legend>Intents to recognise</legend>
        {doc.intents.map((intent) => (
          <CheckboxField
            key={intent.id}
            label={intent.name}
            value={selected.has(intent.id)}
            onChange={(on) => toggle(intent.id, on)}
          />
        ))}
        {[...selected]
          .filter((id) => !doc.intents.some((i) => i.id === id))
          .map((id) => (
            <CheckboxField
              key={id}
              className="problem-text"
              label={`Unknown intent “${id}” — untick to remove`}
              value
              onChange={() => update({ ...block.data, intentIds: [...selected].filter((i) => i !== id) }, 'intentIds')}
            />
          ))}
      </fieldset>
      <button type="button" className="btn btn-sm" onClick={() => openPanel('intents')}>
        Manage intents
      </button>
    </>
  );
}
