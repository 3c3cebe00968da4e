import { isEmailAddress } from './email-address';

/**
 * What a host page may tell the chat about the visitor (the widget's `setVariables`, `identify` and
 * `FlowdeskConfig`), without zod, so the widget's chat chunk can check it before sending: a page that sets one bad
 * value gets a console warning naming it, and the chat still starts (the server's answer to a bad value is a 400
 * for the whole session). The schemas in public-api.ts apply the same limits.
 */

/** Most variables a page may set at once (session start, setVariables). */
export const MAX_PUBLIC_VARIABLES = 100;
export const MAX_VARIABLE_NAME = 100;
export const MAX_VARIABLE_TEXT = 2000;
export const MAX_VISITOR_NAME = 200;

export type PageVariableValue = string | number | boolean;

/** Why `value` cannot be a page variable named `name`, or null when it can. */
function pageVariableProblem(name: string, value: unknown): string | null {
  if (name.length > MAX_VARIABLE_NAME) return `its name is longer than ${MAX_VARIABLE_NAME} characters`;
  if (typeof value === 'boolean') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'it is not a finite number';
  if (typeof value === 'string') {
    return value.length > MAX_VARIABLE_TEXT ? `it is longer than ${MAX_VARIABLE_TEXT} characters` : null;
  }
  return 'only text, numbers and true/false can be set (no objects, lists or null)';
}

export type Rejected = { name: string; problem: string };

/**
 * The variables of `input` a page may set on top of those it `kept` already, and the ones left out with why: a value
 * of another kind, or a new name beyond MAX_PUBLIC_VARIABLES in all (the session sends them together).
 */
export function pageVariables(
  input: Record<string, unknown>,
  kept: Record<string, unknown> = {},
): { variables: Record<string, PageVariableValue>; rejected: Rejected[] } {
  const variables: Record<string, PageVariableValue> = {};
  const rejected: Rejected[] = [];
  const names = new Set(Object.keys(kept));
  for (const [name, value] of Object.entries(input)) {
    const problem =
      pageVariableProblem(name, value) ??
      (!names.has(name) && names.size >= MAX_PUBLIC_VARIABLES ? `more than ${MAX_PUBLIC_VARIABLES} variables` : null);
    if (problem) rejected.push({ name, problem });
    else {
      names.add(name);
      variables[name] = value as PageVariableValue;
    }
  }
  return { variables, rejected };
}

/** The visitor's name and email a page may give, and the ones left out with why. */
export function pageVisitor(input: { name?: unknown; email?: unknown }): {
  visitor: { name?: string; email?: string };
  rejected: Rejected[];
} {
  const visitor: { name?: string; email?: string } = {};
  const rejected: Rejected[] = [];
  if (input.name !== undefined) {
    if (typeof input.name === 'string' && input.name.length <= MAX_VISITOR_NAME) visitor.name = input.name;
    else rejected.push({ name: 'name', problem: `it must be text of at most ${MAX_VISITOR_NAME} characters` });
  }
  if (input.email !== undefined) {
    if (typeof input.email === 'string' && isEmailAddress(input.email)) visitor.email = input.email;
    else rejected.push({ name: 'email', problem: 'it is not an email address' });
  }
  return { visitor, rejected };
}
