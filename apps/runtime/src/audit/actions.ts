/** Writes that change how the workspace works (flows, bots, people, settings), as audit actions. */
const AUDITED =
  /^\/api\/(admin|email|inbox)\/(bots|flows|teams|users|invites|office-hours|settings|outbox|canned-responses|ai|knowledge)(\/|$)/;
/** POSTs under those paths that only read or compute (the builder's previews, a connection test). */
const READ_ONLY = new Set([
  'validate',
  'preview',
  'preview-summary',
  'preview-intent',
  'preview-answer',
  'preview-agent-turn',
  'test-connection',
]);
const VERB: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'update', DELETE: 'delete' };

export interface AuditAction {
  action: string;
  targetType: string;
  targetId: string | null;
}

/**
 * `PUT /api/admin/flows/:id/draft` → `flows.draft` on flow `:id`; `DELETE /api/admin/teams/:id` →
 * `teams.delete`; `PUT /api/email/settings` → `email.settings.update`. Null when the write is not audited.
 */
export function auditAction(method: string, routePath: string, params: Record<string, string>): AuditAction | null {
  const verb = VERB[method];
  const match = AUDITED.exec(routePath);
  if (!verb || !match) return null;
  const [, area, resource] = match as unknown as [string, string, string];
  const rest = routePath
    .slice(match[0].length)
    .split('/')
    .filter((part) => part && !part.startsWith(':'));
  const step = rest.at(-1);
  if (step && READ_ONLY.has(step)) return null;
  const name = area === 'email' ? `email.${resource}` : resource;
  const idParam = Object.keys(params).find((key) => key === 'id' || key.endsWith('Id'));
  return {
    action: `${name}.${step ?? verb}`,
    targetType: name,
    targetId: idParam ? (params[idParam] ?? null) : null,
  };
}
