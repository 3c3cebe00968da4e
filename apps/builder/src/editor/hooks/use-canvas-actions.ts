import type { FlowDocument } from '@flowdesk/flow-schema';
import { useReactFlow } from '@xyflow/react';
import { type Dispatch, type RefObject, useCallback } from 'react';
import { measuredGeometry } from '../canvas/measured-geometry';
import type { EditorAction, EditorState } from '../model/editor-state';
import { applyLayout, elkLayout } from '../model/elk-layout';
import { addNote } from '../model/graph-ops';
import { groupBlocks, ungroup } from '../model/groups';

/** The canvas's "Tidy up layout", "Add a sticky note", "Group" and "Ungroup" actions. */
export function useCanvasActions(
  latest: RefObject<EditorState>,
  dispatch: Dispatch<EditorAction>,
  fitToBlocks: (doc: FlowDocument) => void,
) {
  const flow = useReactFlow();

  /** ELK's layered layout with its edge routes, measured sizes where blocks are rendered. */
  const tidyUp = useCallback(async () => {
    const current = latest.current.history.present;
    const layout = await elkLayout(current, (block) => measuredGeometry(block, flow.getInternalNode(block.id)));
    const laidOut = applyLayout(current, layout);
    dispatch({ type: 'apply', edit: (d) => (d === current ? laidOut : applyLayout(d, layout)) });
    fitToBlocks(laidOut);
  }, [flow, latest, dispatch, fitToBlocks]);

  /** A new sticky note near the canvas's top-left corner, selected. */
  const addNoteInView = useCallback(() => {
    const rect = document.querySelector('.canvas')?.getBoundingClientRect();
    const at = flow.screenToFlowPosition({ x: rect ? rect.left + 40 : 300, y: rect ? rect.top + 40 : 120 });
    dispatch({
      type: 'apply',
      edit: (d) => {
        const { doc, id } = addNote(d, at);
        return { doc, select: [id] };
      },
    });
  }, [flow, dispatch]);

  /** Frames the selected blocks as a new group, selected so that its name can be typed at once. */
  const groupSelection = useCallback(() => {
    const selected = [...latest.current.selection.blocks];
    dispatch({
      type: 'apply',
      edit: (d) => {
        const made = groupBlocks(d, selected);
        return made ? { doc: made.doc, select: [made.id] } : d;
      },
    });
  }, [latest, dispatch]);

  /** Removes the frames of the selected groups (or of the selected blocks' groups); the blocks stay, selected. */
  const ungroupSelection = useCallback(() => {
    const selected = latest.current.selection.blocks;
    const doc = latest.current.history.present;
    const groups = (doc.groups ?? []).filter((g) => selected.has(g.id) || g.blockIds.some((b) => selected.has(b)));
    if (groups.length === 0) return;
    dispatch({
      type: 'apply',
      edit: (d) => ({
        doc: ungroup(
          d,
          groups.map((g) => g.id),
        ),
        select: groups.flatMap((g) => g.blockIds),
      }),
    });
  }, [latest, dispatch]);

  return { tidyUp, addNoteInView, groupSelection, ungroupSelection };
}
