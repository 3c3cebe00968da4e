export const MAX_PATTERN_LENGTH = 200;
/** Longest text a pattern is ever run against; bounds the cost of a bad pattern. */
export const MAX_REGEX_INPUT = 2000;

/** `pattern` or `/pattern/flags`; null when too long or not a valid regular expression. */
export function compileSafeRegex(pattern: string): RegExp | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return null;
  const literal = /^\/(.+)\/([imsu]*)$/s.exec(pattern);
  try {
    return literal ? new RegExp(literal[1] as string, literal[2]) : new RegExp(pattern);
  } catch {
    return null;
  }
}

export function safeRegexTest(pattern: string, text: string): boolean {
  const regex = compileSafeRegex(pattern);
  return regex?.test(text.slice(0, MAX_REGEX_INPUT)) ?? false;
}
