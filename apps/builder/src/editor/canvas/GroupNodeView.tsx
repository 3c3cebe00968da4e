import { type FlowDocument, type FlowGroup, GROUP_COLORS } from '@flowdesk/flow-schema';
import type { Node, NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { Select } from '../../ui/Select';
import { useEditor } from '../editor-context';
import { removeElements } from '../model/graph-ops';
import { groupFrame, recolorGroup, renameGroup, ungroup } from '../model/groups';
import type { Dimensions } from '../model/to-react-flow';

export type GroupNode = Node<
  { title: string; color: FlowGroup['color']; blockIds: string[]; readOnly: boolean },
  'group'
>;

/** The frame's colour as it shows on the canvas and in the minimap (`.group-node.color-*` in styles/editor/notes-groups.css). */
export const GROUP_FRAME_COLORS: Record<FlowGroup['color'], string> = {
  blue: '#93c5fd',
  green: '#86efac',
  purple: '#c4b5fd',
  orange: '#fdba74',
  pink: '#f9a8d4',
  grey: '#cbd5e1',
};

/** A titled, coloured frame around some blocks: dragged by its title strip, which moves its blocks too. */
function GroupNodeViewImpl({ id, data, selected }: NodeProps<GroupNode>) {
  const { dispatch } = useEditor();
  const edit = (change: (d: FlowDocument) => FlowDocument, coalesceKey?: string) =>
    dispatch({ type: 'apply', edit: change, coalesceKey });
  return (
    <section
      className={`group-node color-${data.color}${selected ? ' selected' : ''}`}
      data-testid={`group-${id}`}
      aria-label={`Group ${data.title}`}
    >
      <div className="group-header" title="Drag to move the group and its blocks">
        <input
          className="group-title nodrag"
          aria-label="Group name"
          value={data.title}
          placeholder="Name this group"
          maxLength={100}
          readOnly={data.readOnly}
          onChange={(e) => edit((d) => renameGroup(d, id, e.target.value), `${id}:title`)}
        />
        {data.readOnly ? null : (
          <>
            <Select
              className="group-color nodrag"
              aria-label="Group colour"
              value={data.color}
              options={GROUP_COLORS.map((c) => ({ value: c, label: c }))}
              onChange={(color) => edit((d) => recolorGroup(d, id, color))}
            />
            <button type="button" className="btn btn-ghost btn-sm nodrag" onClick={() => edit((d) => ungroup(d, [id]))}>
              Ungroup
            </button>
            <button
              type="button"
              className="btn btn-ghost btn-sm nodrag"
              title="Delete the group and the blocks in it"
              onClick={() => edit((d) => removeElements(d, { blockIds: [id, ...data.blockIds] }))}
            >
              Delete with blocks
            </button>
          </>
        )}
      </div>
    </section>
  );
}

export const GroupNodeView = memo(GroupNodeViewImpl);

/** Groups as React Flow nodes, each framed around its blocks (under notes and blocks). */
export function groupNodes(
  doc: FlowDocument,
  selected: ReadonlySet<string>,
  measured: ReadonlyMap<string, Dimensions>,
  readOnly: boolean,
): GroupNode[] {
  const nodes: GroupNode[] = [];
  for (const group of doc.groups ?? []) {
    const frame = groupFrame(doc, group, (blockId) => measured.get(blockId));
    if (!frame) continue;
    nodes.push({
      id: group.id,
      type: 'group',
      position: { x: frame.x, y: frame.y },
      width: frame.width,
      height: frame.height,
      style: { width: frame.width, height: frame.height, pointerEvents: 'none' },
      data: { title: group.title, color: group.color, blockIds: group.blockIds, readOnly },
      selected: selected.has(group.id),
      draggable: !readOnly,
      deletable: !readOnly,
      connectable: false,
      selectable: true,
      dragHandle: '.group-header',
      // Under its blocks even when selected (React Flow lifts a selected node by 1000).
      zIndex: selected.has(group.id) ? -1002 : -2,
    });
  }
  return nodes;
}
