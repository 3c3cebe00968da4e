import { describe, expect, it } from 'vitest';
import { confirmationWithReplyTime, zoneName } from './handoff-wording';

// Issue 18: "Someone will reply shortly. We usually reply in a few hours." said two things at once.
describe('the handoff confirmation with the reply time', () => {
  it('replaces the admin sentence that promises a wait', () => {
    expect(
      confirmationWithReplyTime(
        'Connecting you with our support team. Someone will reply here shortly.',
        'a few hours',
      ),
    ).toBe('Connecting you with our support team. We usually reply in a few hours.');
    expect(confirmationWithReplyTime('One moment! An agent will be with you in a moment.', 'within a day')).toBe(
      'One moment! We usually reply within a day.',
    );
    expect(confirmationWithReplyTime('Someone will answer within the hour.', 'a few minutes')).toBe(
      'We usually reply in a few minutes.',
    );
  });

  it('follows the admin wording that promises nothing', () => {
    expect(confirmationWithReplyTime('Thanks Zoé, connecting you.', 'a few minutes')).toBe(
      'Thanks Zoé, connecting you. We usually reply in a few minutes.',
    );
    expect(confirmationWithReplyTime('Passing you to a teammate', 'a few hours')).toBe(
      'Passing you to a teammate. We usually reply in a few hours.',
    );
  });
});

describe('zone names', () => {
  it('reads as a city, UTC as UTC', () => {
    expect(zoneName('America/New_York')).toBe('New York time');
    expect(zoneName('Europe/Paris')).toBe('Paris time');
    expect(zoneName('America/Argentina/Buenos_Aires')).toBe('Buenos Aires time');
    expect(zoneName('UTC')).toBe('UTC');
    expect(zoneName('Etc/UTC')).toBe('UTC');
  });
});
