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

/** The variable paths a template reads, in order of appearance. */
export function templateVariables(template: string): string[] {
  return Array.from(template.matchAll(PLACEHOLDER), (m) => m[1] as string);
}
