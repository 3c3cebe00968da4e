import { isForbiddenKey } from './common';

export type VariableValue = string | number | boolean | null | VariableValue[] | { [key: string]: VariableValue };
export type Variables = Record<string, VariableValue>;

/** Variables every conversation has without being declared: set by the engine or by the host. */
export const BUILTIN_VARIABLES = ['last_message'] as const;
/** Prefixes the host fills (visitor details, page) — see the runtime's session variables. */
export const HOST_VARIABLE_PREFIXES = ['visitor', 'page', 'conversation'] as const;

/**
 * The variables a flow captured: without the engine's own (`last_message`), the host's (`visitor`, `page`,
 * `conversation`) and those the page set (`fromPage`, copied into the conversation) still holding the page's value,
 * which the inbox shows elsewhere (the transcript, the visitor's details, "set by the website").
 */
export function capturedVariables<T>(
  variables: Record<string, T>,
  fromPage: Record<string, unknown> = {},
): Record<string, T> {
  const own = new Set<string>([...BUILTIN_VARIABLES, ...HOST_VARIABLE_PREFIXES]);
  return Object.fromEntries(
    Object.entries(variables).filter(
      ([name, value]) =>
        !own.has(name) && !name.startsWith('_') && !(Object.hasOwn(fromPage, name) && fromPage[name] === value),
    ),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own-property lookup of a dotted path; never touches prototypes (`__proto__`, `constructor` give undefined). */
export function getPath(root: unknown, path: string): unknown {
  if (path === '') return root;
  if (isRecord(root) && Object.hasOwn(root, path) && !isForbiddenKey(path)) return root[path];
  let current: unknown = root;
  for (const segment of path.split('.')) {
    if (isForbiddenKey(segment)) return undefined;
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

/** A copy of `variables` with the dotted path set (`contact.email` nests). Forbidden keys are ignored. */
export function setPath(variables: Variables, path: string, value: VariableValue): Variables {
  const [head, ...rest] = path.split('.');
  if (head === undefined || isForbiddenKey(head) || rest.some(isForbiddenKey)) return variables;
  if (rest.length === 0) return { ...variables, [head]: value };
  const existing = variables[head];
  const child: Variables = isRecord(existing) ? (existing as Variables) : {};
  return { ...variables, [head]: setPath(child, rest.join('.'), value) };
}

/**
 * A copy of `variables` with every `[path, value]` set, as `setPath` one after the other would, in time
 * linear in the paths' total length: each object on a path is copied once, not once per entry (setting
 * 10,000 variables one `setPath` at a time copied the growing object 10,000 times).
 */
export function setPaths(variables: Variables, entries: Iterable<[string, VariableValue]>): Variables {
  const out: Variables = { ...variables };
  const copied = new WeakSet<object>([out]);
  for (const [path, value] of entries) {
    const parts = path.split('.');
    if (parts.some(isForbiddenKey)) continue;
    let node: Variables = out;
    for (const key of parts.slice(0, -1)) {
      const existing = node[key];
      let child: Variables = isRecord(existing) ? (existing as Variables) : {};
      if (!copied.has(child)) {
        child = { ...child };
        copied.add(child);
      }
      node[key] = child;
      node = child;
    }
    node[parts.at(-1)!] = value;
  }
  return out;
}

/** Turns anything (e.g. an HTTP response) into a JSON-safe variable value. */
export function toVariableValue(value: unknown, depth = 0): VariableValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0, as JSON does
  if (depth > 20) return null;
  if (Array.isArray(value)) return value.map((v) => toVariableValue(v, depth + 1));
  if (isRecord(value)) {
    const out: Record<string, VariableValue> = {};
    for (const [k, v] of Object.entries(value)) if (!isForbiddenKey(k)) out[k] = toVariableValue(v, depth + 1);
    return out;
  }
  return null;
}

/** How a value reads inside a message. */
export function valueToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}
