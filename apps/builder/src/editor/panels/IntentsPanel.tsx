import type { Intent } from '@flowdesk/flow-schema';
import { Icon } from '../../ui/icons';
import { useEditor } from '../editor-context';
import { addIntent, newIntentName, TALK_TO_HUMAN_TEMPLATE } from '../model/intents';
import { IntentEditor } from './IntentEditor';

export function IntentsPanel() {
  const { doc, dispatch, readOnly } = useEditor();
  const hasHuman = doc.intents.some((i) => i.name.toLowerCase() === TALK_TO_HUMAN_TEMPLATE.name.toLowerCase());
  const add = (intent: Omit<Intent, 'id'>) => dispatch({ type: 'apply', edit: (d) => addIntent(d, intent).doc });
  return (
    <div className="panel-section">
      <p className="hint">
        Intents are things visitors ask for in their own words. Use them in “Match intent” blocks and “Intent trigger”
        blocks.
      </p>
      {readOnly ? null : (
        <div className="row wrap">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() =>
              dispatch({
                type: 'apply',
                edit: (d) => addIntent(d, { name: newIntentName(d), description: '', phrases: [] }).doc,
              })
            }
          >
            <Icon name="plus" size={14} /> New intent
          </button>
          {hasHuman ? null : (
            <button type="button" className="btn btn-sm" onClick={() => add(TALK_TO_HUMAN_TEMPLATE)}>
              <Icon name="plus" size={14} /> “Talk to a human” template
            </button>
          )}
        </div>
      )}
      {doc.intents.length === 0 ? <p className="panel-empty">No intents yet.</p> : null}
      {doc.intents.map((intent) => (
        <IntentEditor key={intent.id} intent={intent} />
      ))}
    </div>
  );
}
