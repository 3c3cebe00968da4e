/** Helpers for hand-written template flows: a grid position and an edge with a stable id. */
export const at = (col: number, row: number) => ({ x: col * 300, y: row * 180 });

export const edge = (source: string, sourceHandle: string, target: string) => ({
  id: `${source}--${sourceHandle}`,
  source,
  sourceHandle,
  target,
});

/** An edge written as `[source, sourceHandle, target]`. */
export type EdgeLink = readonly [source: string, sourceHandle: string, target: string];

/** Edges whose ids count up in the order written (`e1`, `e2`, … from `first`): the ids tests name. */
export const numberedEdges = (links: readonly EdgeLink[], first = 1) =>
  links.map(([source, sourceHandle, target], i) => ({ id: `e${first + i}`, source, sourceHandle, target }));

/** `ids[0]` → `ids[1]` → … each through its `next` output, with `edge`'s ids. */
export const nextChain = (...ids: string[]) => ids.slice(1).map((target, i) => edge(ids[i]!, 'next', target));
