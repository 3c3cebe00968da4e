/**
 * Typo tolerance for intent matching: an unknown word one edit away from a word the bot knows ("cancle", "refnd",
 * "suport", "oder") is read as that word. Words under four letters are left alone: one edit reaches too much.
 */

const MIN_LENGTH = 4;
/** A known stem this long that starts an unknown word is the word with a typo in its ending ("subscripton"). */
const MIN_PREFIX = 6;

/** Damerau–Levenshtein distance (adjacent swaps count as one edit), stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return (
    swapped ||
    a.slice(i + 1) === b.slice(i + 1) || // substitution
    a.slice(i + 1) === b.slice(i) || // a has an extra letter
    a.slice(i) === b.slice(i + 1) // b has an extra letter
  );
}

/** The known term an unknown one most likely misspells, or null. Ties go to the first known term. */
export function closestKnownTerm(term: string, known: Iterable<string>): string | null {
  if (term.length < MIN_LENGTH || /\d/.test(term)) return null;
  for (const candidate of known) {
    if (candidate.length < MIN_LENGTH) continue;
    if (withinOneEdit(term, candidate)) return candidate;
    if (candidate.length >= MIN_PREFIX && term.startsWith(candidate)) return candidate;
  }
  return null;
}
