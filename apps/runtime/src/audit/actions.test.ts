import { describe, expect, it } from 'vitest';
import { auditAction } from './actions';

describe('auditAction', () => {
  it('names writes by resource and step, with the target id', () => {
    expect(auditAction('POST', '/api/admin/flows', {})).toEqual({
      action: 'flows.create',
      targetType: 'flows',
      targetId: null,
    });
    expect(auditAction('PUT', '/api/admin/flows/:id/draft', { id: 'f1' })).toEqual({
      action: 'flows.draft',
      targetType: 'flows',
      targetId: 'f1',
    });
    expect(auditAction('POST', '/api/admin/flows/:id/publish', { id: 'f1' })?.action).toBe('flows.publish');
    expect(auditAction('DELETE', '/api/admin/teams/:id', { id: 't1' })?.action).toBe('teams.delete');
    expect(auditAction('PATCH', '/api/admin/users/:id', { id: 'u1' })?.action).toBe('users.update');
    expect(auditAction('PUT', '/api/email/settings', {})?.action).toBe('email.settings.update');
    expect(auditAction('POST', '/api/admin/invites/:id/resend', { id: 'i1' })).toEqual({
      action: 'invites.resend',
      targetType: 'invites',
      targetId: 'i1',
    });
    expect(auditAction('DELETE', '/api/admin/invites/:id', { id: 'i1' })?.action).toBe('invites.delete');
    expect(auditAction('POST', '/api/email/outbox/:id/retry', { id: 'e1' })?.action).toBe('email.outbox.retry');
    expect(auditAction('DELETE', '/api/inbox/canned-responses/:id', { id: 'c1' })?.action).toBe(
      'canned-responses.delete',
    );
  });

  it('skips reads, computations and conversation work', () => {
    expect(auditAction('GET', '/api/admin/flows', {})).toBeNull();
    expect(auditAction('POST', '/api/admin/flows/:id/validate', { id: 'f1' })).toBeNull();
    expect(auditAction('POST', '/api/admin/office-hours/preview', {})).toBeNull();
    expect(auditAction('POST', '/api/inbox/conversations/:id/messages', { id: 'c' })).toBeNull();
    expect(auditAction('PUT', '/api/inbox/presence', {})).toBeNull();
    expect(auditAction('POST', '/api/public/conversations', {})).toBeNull();
    expect(auditAction('POST', '/api/admin/flowsy', {})).toBeNull();
  });
});
