import { blockDefinitions, blockTitle, isBlockType } from '@flowdesk/flow-schema';
import { Icon } from '../../ui/icons';
import { BlockForm } from '../blocks/BlockForm';
import { TextField } from '../blocks/fields';
import { useEditor } from '../editor-context';
import { removeElements, renameBlock, updateBlockData } from '../model/graph-ops';
import { ProblemList } from './ProblemsPanel';

export function Inspector() {
  const { doc, selection, dispatch, problems, readOnly } = useEditor();
  const selectedIds = [...selection.blocks];
  if (selectedIds.length === 0) {
    return (
      <div className="panel-empty">
        <p>Select a block to edit its settings.</p>
        <p className="hint">
          Add blocks from the left by clicking or dragging them onto the canvas, then drag from an output dot to the
          next block.
        </p>
      </div>
    );
  }
  if (selectedIds.length > 1) {
    return (
      <div className="panel-empty">
        <p>{selectedIds.length} blocks selected.</p>
        {readOnly ? null : (
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => dispatch({ type: 'apply', edit: (d) => removeElements(d, { blockIds: selectedIds }) })}
          >
            <Icon name="trash" /> Delete them
          </button>
        )}
      </div>
    );
  }
  const block = doc.blocks.find((b) => b.id === selectedIds[0]);
  if (!block) {
    if (!doc.notes?.some((n) => n.id === selectedIds[0])) return null;
    return (
      <div className="panel-empty">
        <p>A sticky note: type in it on the canvas. The bot never runs it; it is saved with the flow.</p>
      </div>
    );
  }
  const definition = isBlockType(block.type) ? blockDefinitions[block.type] : null;
  const blockProblems = problems.filter((p) => p.blockId === block.id);
  return (
    <section className="inspector" aria-label="Block settings">
      <header className="inspector-header">
        <div>
          <h2>{blockTitle(block)}</h2>
          <p className="hint">
            {block.name ? `${definition?.label ?? block.type}. ` : ''}
            {definition?.description}
          </p>
        </div>
        {block.type === 'start' || readOnly ? null : (
          <button
            type="button"
            className="btn btn-ghost btn-icon btn-danger"
            aria-label="Delete block"
            title="Delete block (Delete)"
            onClick={() => dispatch({ type: 'apply', edit: (d) => removeElements(d, { blockIds: [block.id] }) })}
          >
            <Icon name="trash" />
          </button>
        )}
      </header>
      <fieldset className="inspector-form" disabled={readOnly}>
        <TextField
          label="Name"
          value={block.name ?? ''}
          placeholder={definition?.label ?? block.type}
          hint="Optional. Shown on the canvas, in problems and when agents hand a conversation back."
          onChange={(name) =>
            dispatch({
              type: 'apply',
              edit: (d) => renameBlock(d, block.id, name),
              coalesceKey: `${block.id}:name`,
            })
          }
        />
        <BlockForm
          key={block.id}
          block={block}
          update={(data, field) =>
            dispatch({
              type: 'apply',
              edit: (d) => updateBlockData(d, block.id, data),
              coalesceKey: `${block.id}:${field}`,
            })
          }
        />
      </fieldset>
      {/* Below the form: the list comes and goes as the flow is checked after each edit, and above it would move
          the form under the pointer (a click pressed on a field and released after the move is lost). */}
      {blockProblems.length > 0 ? <ProblemList problems={blockProblems} compact /> : null}
    </section>
  );
}
