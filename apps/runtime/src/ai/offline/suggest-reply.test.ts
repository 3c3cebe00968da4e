import { describe, expect, it } from 'vitest';
import { KNOWLEDGE } from './fixtures/corpus';
import { suggestReplyOffline } from './suggest-reply';

describe('offline suggested reply', () => {
  it('answers the last question from knowledge, greeting by first name', () => {
    const { reply } = suggestReplyOffline({
      transcript: [
        { author: 'visitor', name: 'Jane Doe', text: 'When will my refund reach my bank?' },
        { author: 'visitor', name: 'Jane Doe', text: 'I sent the shoes back on Monday.' },
      ],
      knowledge: KNOWLEDGE,
    });
    expect(reply).toBe(
      'Hi Jane, thanks for waiting. Refunds reach your bank within 5 to 7 business days after we receive the item. Is there anything else I can help you with?',
    );
  });

  it('acknowledges the topic when knowledge has nothing', () => {
    const { reply } = suggestReplyOffline({ transcript: [{ author: 'visitor', text: 'My parcel arrived damaged.' }] });
    expect(reply).toBe(
      "Hi, thanks for waiting. I'm sorry for the trouble with your parcel. I'm looking into it now and will get back to you shortly.",
    );
    expect(suggestReplyOffline({ transcript: [] }).reply).toBe('Hi, how can I help you today?');
  });
});
