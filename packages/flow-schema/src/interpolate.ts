import { getPath, valueToText } from './variables';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_$.]+)\s*\}\}/g;

/**
 * Replaces `{{name}}` / `{{ user.email }}` with variable values (missing ones become empty). No eval.
 * `encode` transforms each inserted value (URL-encoding, JSON string escaping).
 */
export function interpolate(
  template: string,
  variables: Record<string, unknown>,
  encode?: (value: string) => string,
): string {
  if (!template.includes('{{')) return template;
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const text = valueToText(getPath(variables, path));
    return encode ? encode(text) : text;
  });
}

/**
 * `interpolate` for a text of lines written to be read (an email body): a line that only labels a value the
 * conversation does not have ("Last question: {{question}}" with no question) is left out instead of ending in
 * nothing. Lines without a placeholder, or with any value, stay as written.
 */
export function interpolateLines(template: string, variables: Record<string, unknown>): string {
  if (!template.includes('{{')) return template;
  return template
    .split('\n')
    .filter((line) => {
      const paths = templateVariables(line);
      if (paths.length === 0 || paths.some((path) => valueToText(getPath(variables, path)).trim() !== '')) return true;
      const label = line.replace(PLACEHOLDER, '').trim();
      return !(label === '' || label.endsWith(':'));
    })
    .map((line) => interpolate(line, variables))
    .join('\n');
}

/** The variable paths a template reads, in order of appearance. */
export function templateVariables(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string);
}
