import { useEditor } from '../../editor-context';
import type { BlockFormProps } from '../form-props';

export function MatchIntentForm({ block, update }: BlockFormProps<'match_intent'>) {
  const { doc, readOnly, openPanel } = useEditor();
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
          <label className="checkbox" key={intent.id}>
            <input
              type="checkbox"
              checked={selected.has(intent.id)}
              disabled={readOnly}
              onChange={(e) => toggle(intent.id, e.target.checked)}
            />
            {intent.name}
          </label>
        ))}
        {[...selected]
          .filter((id) => !doc.intents.some((i) => i.id === id))
          .map((id) => (
            <label className="checkbox problem-text" key={id}>
              <input
                type="checkbox"
                checked
                disabled={readOnly}
                onChange={() =>
                  update({ ...block.data, intentIds: [...selected].filter((i) => i !== id) }, 'intentIds')
                }
              />
              Unknown intent “{id}” — untick to remove
            </label>
          ))}
      </fieldset>
      <button type="button" className="btn btn-sm" onClick={() => openPanel('intents')}>
        Manage intents
      </button>
    </>
  );
}
