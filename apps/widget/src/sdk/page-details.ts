import { pageVariables, pageVisitor, type Rejected } from '@flowdesk/contract/page-details';
import type { Variables, VisitorIdentity } from '../types';

/**
 * The page's variables and visitor details (FlowdeskConfig, setVariables, identify) as the session accepts them.
 * A value the server would refuse is left out with a console warning that names it: one bad value must not stop
 * the chat from starting (the session answers 400 to the whole request). Checked in the chat chunk, which already
 * carries the email rule, so the loader stays small.
 */

function warn(what: string, rejected: Rejected[]) {
  for (const { name, problem } of rejected) console.warn(`Flowdesk: ignored the ${what} "${name}": ${problem}.`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function acceptVariables(next: unknown, kept: Variables = {}): Variables {
  if (!isObject(next)) return {};
  const { variables, rejected } = pageVariables(next, kept);
  warn('variable', rejected);
  return variables;
}

export function acceptVisitor(details: unknown): VisitorIdentity {
  if (!isObject(details)) return {};
  const { visitor, rejected } = pageVisitor(details);
  warn('visitor detail', rejected);
  return visitor;
}
