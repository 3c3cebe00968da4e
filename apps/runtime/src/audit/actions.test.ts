import { describe, expect, it } from 'vitest';
import { auditAction } from './actions';

/** A write's method, route and params, and the action it is audited as. */
const audited: Array<[string, string, Record<string, string>, string]> = [
  ['POST', '/api/admin/flows', {}, 'flows.create'],
  ['PUT', '/api/admin/flows/:id/draft', { id: 'f1' }, 'flows.draft'],
  ['POST', '/api/admin/flows/:id/publish', { id: 'f1' }, 'flows.publish'],
  ['DELETE', '/api/admin/teams/:id', { id: 't1' }, 'teams.delete'],
  ['PATCH', '/api/admin/users/:id', { id: 'u1' }, 'users.update'],
  ['PUT', '/api/email/settings', {}, 'email.settings.update'],
  ['POST', '/api/admin/invites/:id/resend', { id: 'i1' }, 'invites.resend'],
  ['DELETE', '/api/admin/invites/:id', { id: 'i1' }, 'invites.delete'],
  ['POST', '/api/email/outbox/:id/retry', { id: 'e1' }, 'email.outbox.retry'],
  ['DELETE', '/api/inbox/canned-responses/:id', { id: 'c1' }, 'canned-responses.delete'],
  ['PUT', '/api/admin/ai/settings', {}, 'ai.settings'],
  ['POST', '/api/admin/knowledge', {}, 'knowledge.create'],
  ['POST', '/api/admin/knowledge/files', {}, 'knowledge.files'],
  ['POST', '/api/admin/knowledge/:id/reindex', { id: 'k1' }, 'knowledge.reindex'],
  ['DELETE', '/api/admin/knowledge/:id', { id: 'k1' }, 'knowledge.delete'],
];

/** Reads, computations and conversation work. */
const skipped: Array<[string, string, Record<string, string>]> = [
  ['GET', '/api/admin/flows', {}],
  ['POST', '/api/admin/flows/:id/validate', { id: 'f1' }],
  ['POST', '/api/admin/office-hours/preview', {}],
  ['POST', '/api/admin/ai/preview-intent', {}],
  ['POST', '/api/admin/ai/preview-summary', {}],
  ['POST', '/api/admin/ai/test-connection', {}],
  ['POST', '/api/admin/knowledge/preview-answer', {}],
  ['POST', '/api/admin/knowledge/preview-agent-turn', {}],
  ['POST', '/api/inbox/conversations/:id/messages', { id: 'c' }],
  ['PUT', '/api/inbox/presence', {}],
  ['POST', '/api/public/conversations', {}],
  ['POST', '/api/admin/flowsy', {}],
];

describe('auditAction', () => {
  it.each(audited)('%s %s (%o) is audited as %s, by resource and step', (method, path, params, action) => {
    expect(auditAction(method, path, params)?.action).toBe(action);
  });

  it.each<[string, string, Record<string, string>, string, string | null]>([
    ['POST', '/api/admin/flows', {}, 'flows', null],
    ['PUT', '/api/admin/flows/:id/draft', { id: 'f1' }, 'flows', 'f1'],
    ['POST', '/api/admin/invites/:id/resend', { id: 'i1' }, 'invites', 'i1'],
  ])('targets %s %s at the resource, with the id the path has', (method, path, params, targetType, targetId) => {
    expect(auditAction(method, path, params)).toEqual({ action: expect.any(String), targetType, targetId });
  });

  it.each(skipped)('skips %s %s', (method, path, params) => {
    expect(auditAction(method, path, params)).toBeNull();
  });
});
