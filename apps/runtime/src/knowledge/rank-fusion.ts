/** The usual RRF constant (Cormack et al.): large enough that the first places of a list do not drown the others. */
export const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list votes 1 / (k + rank) for every item it holds (rank counted from 1), and items
 * are ordered by their summed votes. Only ranks are used, so a lexical score and a cosine similarity, which are on
 * different scales, combine without calibration. Ties keep the order in which items were first seen (earlier
 * lists first), so the result is deterministic.
 */
export function reciprocalRankFusion<T>(lists: T[][], keyOf: (item: T) => string | number, k = RRF_K): T[] {
  return fusedScores(lists, keyOf, k).map((entry) => entry.item);
}

/** The same fusion with each item's summed score. */
export function fusedScores<T>(
  lists: T[][],
  keyOf: (item: T) => string | number,
  k = RRF_K,
): Array<{ item: T; score: number }> {
  const fused = new Map<string | number, { item: T; score: number; seen: number }>();
  for (const list of lists) {
    list.forEach((item, index) => {
      const key = keyOf(item);
      const known = fused.get(key);
      const vote = 1 / (k + index + 1);
      if (known) known.score += vote;
      else fused.set(key, { item, score: vote, seen: fused.size });
    });
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.seen - b.seen)
    .map(({ item, score }) => ({ item, score }));
}
