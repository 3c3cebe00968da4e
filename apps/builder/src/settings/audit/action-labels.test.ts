import { describe, expect, it } from 'vitest';
import { actionLabel, fieldLabel } from './action-labels';

describe('actionLabel', () => {
  it.each([
    ['flows.publish', 'Published flow'],
    ['flows.draft', 'Saved flow draft'],
    ['flows.rollback', 'Rolled back flow'],
    ['users.create', 'Created user'],
    ['teams.delete', 'Deleted team'],
    ['office-hours.delete', 'Cleared team office hours'],
    ['email.settings.update', 'Updated email settings'],
    ['email.outbox.retry', 'Retried email'],
    ['canned-responses.update', 'Updated canned response'],
    ['ai.settings', 'Updated AI settings'],
    ['knowledge.files', 'Uploaded knowledge file'],
  ])('%s reads "%s"', (action, label) => {
    expect(actionLabel(action)).toBe(label);
  });

  it('shows an unknown action as the runtime named it', () => {
    expect(actionLabel('webhooks.create')).toBe('webhooks.create');
    expect(actionLabel('')).toBe('');
  });

  it('does not read labels off the object prototype', () => {
    expect(actionLabel('constructor')).toBe('constructor');
    expect(actionLabel('__proto__')).toBe('__proto__');
  });
});

describe('fieldLabel', () => {
  it.each([
    ['replyTime', 'reply time'],
    ['offlineWhen', 'offline rules'],
    ['allowedOrigins', 'allowed websites'],
    ['memberIds', 'members'],
    ['schedule', 'schedule'],
    ['notifyAssigneeAfterMinutes', 'notify assignee after minutes'],
  ])('%s reads "%s"', (field, label) => {
    expect(fieldLabel(field)).toBe(label);
  });
});
