import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath, useReactFlow } from '@xyflow/react';
import { memo } from 'react';
import { Icon } from '../../ui/icons';
import { fitRoute, midpoint, type Point, roundedPath, routeFits } from '../model/geometry';

export interface RoutedEdgeData extends Record<string, unknown> {
  /** The route from the last auto-layout, when it still fits the blocks. */
  points?: Point[];
  readOnly: boolean;
}

export type RoutedEdgeType = Edge<RoutedEdgeData, 'routed'>;

/**
 * An edge drawn along ELK's orthogonal route (bends around blocks, loops go around) while the blocks
 * stay where the layout put them; after a block moves, a right-angled path between the handles.
 * Selected, it is drawn thicker in the accent colour with a delete button in its middle.
 */
function RoutedEdgeImpl(props: EdgeProps<RoutedEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const flow = useReactFlow();
  const source = { x: sourceX, y: sourceY };
  const target = { x: targetX, y: targetY };
  let path: string;
  let middle: Point;
  const routed = !!data?.points && routeFits(data.points, source, target);
  if (routed && data?.points) {
    const points = fitRoute(data.points, source, target);
    path = roundedPath(points);
    middle = midpoint(points);
  } else {
    const [smooth, labelX, labelY] = getSmoothStepPath({
      sourceX,
      sourceY,
      targetX,
      targetY,
      sourcePosition,
      targetPosition,
      borderRadius: 8,
      // Close blocks side by side get a plain step, not a loop out and back.
      offset: targetX > sourceX ? Math.max(2, Math.min(20, (targetX - sourceX) / 2 - 1)) : 20,
    });
    path = smooth;
    middle = { x: labelX, y: labelY };
  }
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        interactionWidth={18}
        className={routed ? 'routed' : undefined}
      />
      {selected && !data?.readOnly ? (
        <EdgeLabelRenderer>
          <button
            type="button"
            className="edge-delete nodrag nopan"
            // Above the selected (raised) edge and the blocks.
            style={{ transform: `translate(-50%, -50%) translate(${middle.x}px, ${middle.y}px)`, zIndex: 1001 }}
            aria-label="Delete connection"
            title="Delete connection (Delete)"
            data-testid={`delete-edge-${id}`}
            onClick={() => void flow.deleteElements({ edges: [{ id }] })}
          >
            <Icon name="trash" size={14} />
          </button>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
}

export const RoutedEdge = memo(RoutedEdgeImpl);
export const edgeTypes = { routed: RoutedEdge };
