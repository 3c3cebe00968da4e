import type { Intent } from '@flowdesk/flow-schema';
import { useState } from 'react';
import { Icon } from '../../ui/icons';
import { useEditor } from '../editor-context';
import { intentUsage, parsePhrases, removeIntent, updateIntent } from '../model/intents';

/** One intent in a fold-out: its name, description and phrases to edit, the blocks using it, and Delete (confirmed). */
export function IntentEditor({ intent }: { intent: Intent }) {
  const { doc, dispatch, readOnly, focusBlock } = useEditor();
  const [phrases, setPhrases] = useState(intent.phrases.join('\n'));
  const [confirming, setConfirming] = useState(false);
  const usage = intentUsage(doc, intent.id);
  const edit = (patch: Partial<Intent>, field: string) =>
    dispatch({
      type: 'apply',
      edit: (d) => updateIntent(d, intent.id, patch),
      coalesceKey: `intent:${intent.id}:${field}`,
    });
  return (
    <details className="intent" open={intent.phrases.length === 0}>
      <summary>
        <span className="grow">{intent.name}</span>
        <span className="badge">{intent.phrases.length} phrases</span>
        {usage.length > 0 ? <span className="badge">used by {usage.length}</span> : null}
      </summary>
      <fieldset disabled={readOnly} className="intent-body">
        <label className="field">
          <span>Name</span>
          <input value={intent.name} onChange={(e) => edit({ name: e.target.value }, 'name')} />
        </label>
        <label className="field">
          <span>Description (helps the AI recognise it)</span>
          <input value={intent.description} onChange={(e) => edit({ description: e.target.value }, 'description')} />
        </label>
        <label className="field">
          <span>Example phrases, one per line</span>
          <textarea
            rows={5}
            value={phrases}
            onChange={(e) => {
              setPhrases(e.target.value);
              edit({ phrases: parsePhrases(e.target.value) }, 'phrases');
            }}
          />
        </label>
        {confirming ? (
          <div className="confirm" role="alert">
            <p>
              {usage.length > 0
                ? `${usage.length} block${usage.length === 1 ? ' uses' : 's use'} this intent. Match blocks will lose its output and connection; triggers will be flagged until you pick another intent.`
                : 'Delete this intent?'}
            </p>
            <div className="row">
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => dispatch({ type: 'apply', edit: (d) => removeIntent(d, intent.id) })}
              >
                Delete intent
              </button>
              <button type="button" className="btn" onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </div>
          </div>
        ) : (
          <div className="row">
            <button type="button" className="btn btn-sm btn-danger" onClick={() => setConfirming(true)}>
              <Icon name="trash" size={14} /> Delete
            </button>
            {usage.map((id) => (
              <button key={id} type="button" className="btn btn-sm btn-ghost" onClick={() => focusBlock(id)}>
                Show block
              </button>
            ))}
          </div>
        )}
      </fieldset>
    </details>
  );
}
