import { BLOCK_GROUPS, BLOCK_TYPES, type BlockType, blockDefinitions } from '@flowdesk/flow-schema';
import { useState } from 'react';

/** MIME type of palette drags onto the canvas. */
export const BLOCK_DRAG_TYPE = 'application/x-flowdesk-block';

const GROUP_TITLES: Record<string, string> = {
  Triggers: 'Triggers',
  Messages: 'Messages',
  Questions: 'Questions',
  Logic: 'Logic',
  AI: 'AI',
  Actions: 'Actions',
};

export function Palette({
  onAdd,
  hasStart,
  only,
  autoFocus = false,
  label = 'Blocks',
  onAddNote,
}: {
  /** Adds a sticky note (the editor's palette only). */
  onAddNote?: () => void;
  onAdd: (type: BlockType) => void;
  hasStart: boolean;
  /** Lists only the types this accepts (the picker for a new connection leaves out entry blocks). */
  only?: (type: BlockType) => boolean;
  autoFocus?: boolean;
  label?: string;
}) {
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const visible = BLOCK_TYPES.filter((type) => {
    if (type === 'start' && hasStart) return false;
    if (only && !only(type)) return false;
    const definition = blockDefinitions[type];
    return (
      !needle ||
      definition.label.toLowerCase().includes(needle) ||
      definition.description.toLowerCase().includes(needle)
    );
  });
  return (
    <aside className="palette" aria-label={label}>
      <input
        // biome-ignore lint/a11y/noAutofocus: the picker opens where the user dropped a connection, to type at once
        autoFocus={autoFocus}
        className="palette-search"
        type="search"
        placeholder="Search blocks"
        aria-label="Search blocks"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {onAddNote ? (
        <button type="button" className="palette-item palette-note" onClick={onAddNote}>
          <span className="block-dot" aria-hidden="true" />
          Add a sticky note
        </button>
      ) : null}
      {BLOCK_GROUPS.map((group) => {
        const types = visible.filter((type) => blockDefinitions[type].group === group);
        if (types.length === 0) return null;
        return (
          <section key={group} className="palette-group">
            <h3>{GROUP_TITLES[group] ?? group}</h3>
            {types.map((type) => (
              <button
                key={type}
                type="button"
                className={`palette-item group-${group.toLowerCase()} type-${type}`}
                draggable
                title={blockDefinitions[type].description}
                data-block-type={type}
                onDragStart={(event) => {
                  event.dataTransfer.setData(BLOCK_DRAG_TYPE, type);
                  event.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => onAdd(type)}
              >
                <span className="block-dot" aria-hidden="true" />
                {blockDefinitions[type].label}
              </button>
            ))}
          </section>
        );
      })}
    </aside>
  );
}
