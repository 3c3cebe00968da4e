import type { ReactFlowInstance } from '@xyflow/react';
import type { Rect } from '../model/geometry';

/** The part of the flow the canvas shows now, in flow coordinates (undefined before the canvas is on the page). */
export function visibleFlowRect(flow: Pick<ReactFlowInstance, 'screenToFlowPosition'>): Rect | undefined {
  const rect = document.querySelector('.canvas')?.getBoundingClientRect();
  if (!rect) return undefined;
  const topLeft = flow.screenToFlowPosition({ x: rect.left, y: rect.top });
  const bottomRight = flow.screenToFlowPosition({ x: rect.right, y: rect.bottom });
  return { ...topLeft, width: bottomRight.x - topLeft.x, height: bottomRight.y - topLeft.y };
}
