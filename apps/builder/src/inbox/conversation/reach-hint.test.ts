import { describe, expect, it } from 'vitest';
import { reachHint } from './reach-hint';

describe('reachHint', () => {
  it('says where a reply goes: the chat, email (asked for or away), or when the visitor is back', () => {
    expect(reachHint({ via: 'chat', inChat: true }, 'Vera', 'v@x.test')).toBe(
      'Vera is in the chat and sees this at once.',
    );
    expect(reachHint({ via: 'email', inChat: true }, 'Vera', 'v@x.test')).toBe(
      'Vera asked to be answered by email: replies go to v@x.test as well as the chat.',
    );
    expect(reachHint({ via: 'email', inChat: false }, 'Vera', 'v@x.test')).toBe(
      'Vera has left the chat: replies are emailed to v@x.test unless they come back.',
    );
    expect(reachHint({ via: 'later', inChat: false }, 'Visitor 6DD8', null)).toBe(
      'Visitor 6DD8 has left the chat and no email reaches them: they see this when they come back.',
    );
  });
});
