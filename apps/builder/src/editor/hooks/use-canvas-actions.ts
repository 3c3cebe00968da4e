import type { FlowDocument } from '@flowdesk/flow-schema';
import { useReactFlow } from '@xyflow/react';
import { type Dispatch, type RefObject, useCallback } from 'react';
import { measuredGeometry } from '../canvas/measured-geometry';
import type { EditorAction, EditorState } from '../model/editor-state';
import { applyLayout, elkLayout } from '../model/elk-layout';
import { addNote } from '../model/graph-ops';

/** The canvas's "Tidy up layout" and "Add a sticky note" actions. */
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

  return { tidyUp, addNoteInView };
}
