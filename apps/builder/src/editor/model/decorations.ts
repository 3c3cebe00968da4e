import type { Problem } from '@flowdesk/flow-schema';
import type { NodeDecoration } from './to-react-flow';

/** Per-block badges from validation problems, plus the preview's active block. */
export function buildDecorations(problems: Problem[], activeBlockId: string | null): Map<string, NodeDecoration> {
  const map = new Map<string, NodeDecoration>();
  for (const problem of problems) {
    if (!problem.blockId) continue;
    const entry = map.get(problem.blockId) ?? { errors: 0, warnings: 0, active: false };
    if (problem.severity === 'error') entry.errors++;
    else entry.warnings++;
    if (!entry.firstProblem || (problem.severity === 'error' && entry.errors === 1))
      entry.firstProblem = problem.message;
    map.set(problem.blockId, entry);
  }
  if (activeBlockId)
    map.set(activeBlockId, { ...(map.get(activeBlockId) ?? { errors: 0, warnings: 0 }), active: true });
  return map;
}
