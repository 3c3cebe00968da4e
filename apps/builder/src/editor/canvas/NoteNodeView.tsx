import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEditor } from '../editor-context';
import { editNote } from '../model/graph-ops';

export type NoteNode = Node<{ text: string; readOnly: boolean }, 'note'>;

/** A sticky note: text for the people editing the flow, dragged by its strip, never run by the bot. */
function NoteNodeViewImpl({ id, data, selected }: NodeProps<NoteNode>) {
  const { dispatch } = useEditor();
  return (
    <div className={selected ? 'note-node selected' : 'note-node'} data-testid={`note-${id}`}>
      <div className="note-grip" title="Drag to move the note">
        Note
      </div>
      <textarea
        className="note-text nodrag nowheel"
        aria-label="Note text"
        placeholder="Write a note for your team…"
        value={data.text}
        readOnly={data.readOnly}
        maxLength={2000}
        onChange={(e) =>
          dispatch({ type: 'apply', edit: (d) => editNote(d, id, e.target.value), coalesceKey: `${id}:text` })
        }
      />
    </div>
  );
}

export const NoteNodeView = memo(NoteNodeViewImpl);

/** Sticky notes as React Flow nodes (under the blocks). */
export function noteNodes(
  notes: readonly { id: string; text: string; position: { x: number; y: number } }[],
  selected: ReadonlySet<string>,
  readOnly: boolean,
): NoteNode[] {
  return notes.map((note) => ({
    id: note.id,
    type: 'note',
    position: note.position,
    data: { text: note.text, readOnly },
    selected: selected.has(note.id),
    draggable: !readOnly,
    deletable: !readOnly,
    connectable: false,
    zIndex: -1,
    initialWidth: 220,
    initialHeight: 140,
  }));
}
