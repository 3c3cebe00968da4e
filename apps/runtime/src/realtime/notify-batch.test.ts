import type { Message } from '@flowdesk/contract';
import { describe, expect, it } from 'vitest';
import type { HubEvent } from './events';
import { type Envelope, itemsOf, packPayloads, toItem } from './notify-batch';

const message = (seq: number, text: string): HubEvent => ({
  kind: 'message',
  workspaceId: 'w1',
  internal: false,
  message: {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: 'visitor',
    authorName: null,
    clientId: null,
    content: { type: 'text', text },
    createdAt: '2026-01-01T00:00:00.000Z',
  } satisfies Message,
});

describe('NOTIFY payload packing', () => {
  it('packs a burst into one payload, in order', () => {
    const items = [1, 2, 3].map((seq) => toItem(message(seq, `hi ${seq}`), 7000)!);
    const payloads = packPayloads('origin-a', items, 7000);
    expect(payloads).toHaveLength(1);
    const envelope = JSON.parse(payloads[0]!) as Envelope;
    expect(envelope.origin).toBe('origin-a');
    expect(itemsOf(envelope)).toEqual(items.map((item) => JSON.parse(item)));
  });

  it('splits across payloads that each stay under the limit, keeping order', () => {
    const items = Array.from({ length: 40 }, (_, index) => toItem(message(index + 1, 'é'.repeat(300)), 7000)!);
    const payloads = packPayloads('o', items, 7000);
    expect(payloads.length).toBeGreaterThan(1);
    for (const payload of payloads) expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(7000);
    const seqs = payloads.flatMap((payload) =>
      itemsOf(JSON.parse(payload) as Envelope).map((item) =>
        'event' in item && item.event.kind === 'message' ? item.event.message.seq : 0,
      ),
    );
    expect(seqs).toEqual(items.map((_, index) => index + 1));
  });

  it('sends a too-big message as a reference and refuses other too-big events', () => {
    expect(JSON.parse(toItem(message(7, 'x'.repeat(8000)), 7000)!)).toEqual({
      messageRef: { workspaceId: 'w1', conversationId: 'c1', seq: 7, internal: false },
    });
    const presence: HubEvent = { kind: 'presence', workspaceId: 'x'.repeat(8000), userId: 'u', status: 'online' };
    expect(toItem(presence, 7000)).toBeNull();
  });

  it('reads single-event envelopes from older instances', () => {
    const event = message(1, 'old');
    expect(itemsOf({ origin: 'o', event })).toEqual([{ event }]);
    const messageRef = { workspaceId: 'w', conversationId: 'c', seq: 2, internal: true };
    expect(itemsOf({ origin: 'o', messageRef })).toEqual([{ messageRef }]);
  });
});
