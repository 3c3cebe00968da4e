import type { ButtonsData } from '@flowdesk/flow-schema';
import type { VisitorContent } from '../machine/types';

/** Lower case, accents, punctuation and extra spaces dropped: "  Talk to a HUMAN! " → "talk to a human". */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edits (insert, delete, replace, swap two neighbours) from `a` to `b`, or `limit + 1` once past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** Typos forgiven in a label of this length: none in short words (a typo there is another word). */
const allowedTypos = (length: number) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/**
 * The button a visitor's answer picks: a click on it, or typing its label (case, accents, punctuation
 * and small typos ignored; a typo that fits two buttons equally picks neither).
 */
export function matchButton(data: ButtonsData, input: VisitorContent | null): string | null {
  if (input?.type === 'choice_reply') return data.buttons.some((b) => b.id === input.optionId) ? input.optionId : null;
  if (input?.type !== 'text') return null;
  const typed = normalizeLabel(input.text);
  if (!typed) return null;
  const labels = data.buttons.map((b) => ({ id: b.id, label: normalizeLabel(b.label) }));
  const exact = labels.find((b) => b.label === typed);
  if (exact) return exact.id;
  const scored = labels
    .map((b) => {
      const limit = allowedTypos(Math.min(b.label.length, typed.length));
      return { id: b.id, distance: editDistance(typed, b.label, limit), limit };
    })
    .filter((b) => b.distance <= b.limit)
    .sort((x, y) => x.distance - y.distance);
  if (scored.length === 0 || (scored.length > 1 && scored[1]!.distance === scored[0]!.distance)) return null;
  return scored[0]!.id;
}
