/** Helpers for hand-written template flows: a grid position and an edge with a stable id. */
export const at = (col: number, row: number) => ({ x: col * 300, y: row * 180 });

export const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}--${sourceHandle}`,
  source,
  sourceHandle,
  target,
});
