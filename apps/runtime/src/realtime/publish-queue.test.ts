import { describe, expect, it } from 'vitest';
import type { HubEvent } from './events';
import { type Envelope, itemsOf } from './notify-batch';
import { createPublishQueue } from './publish-queue';

/** A durable event (one a failed publish sends again) naming conversation `c{n}`. */
const read = (n: number): HubEvent => ({
  kind: 'read',
  workspaceId: 'w1',
  userId: 'u1',
  conversationId: `c${n}`,
  seq: n,
});

/** A publish whose calls finish when the test says so; `delivered` lists what went out, in the order it did. */
function heldPublish() {
  const calls: Array<{ payloads: string[]; finish: (error?: Error) => void }> = [];
  const delivered: string[] = [];
  const publish = (payloads: string[]) =>
    new Promise<void>((resolve, reject) => {
      calls.push({
        payloads,
        finish: (error) => {
          if (error) return reject(error);
          for (const payload of payloads)
            for (const item of itemsOf(JSON.parse(payload) as Envelope))
              if ('event' in item)
                delivered.push(item.event.kind === 'read' ? item.event.conversationId : item.event.kind);
          resolve();
        },
      });
    });
  return { calls, delivered, publish };
}

/** A few turns of the event loop: enough for any flush the queue has scheduled to start. */
async function settle() {
  for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}

describe('publish queue', () => {
  it('publishes one batch at a time: events sent while a publish is in flight go out after it, in order', async () => {
    const held = heldPublish();
    const queue = createPublishQueue({ origin: 'a', maxPayload: 7000, publish: held.publish, onError: () => {} });
    const first = queue.send(read(1));
    await settle();
    expect(held.calls).toHaveLength(1);
    const second = queue.send(read(2));
    const third = queue.send(read(3));
    await settle();
    // Two publishes at once could finish (and, for NOTIFY on two pooled connections, commit) in either order.
    expect(held.calls).toHaveLength(1);
    held.calls[0]!.finish();
    await first;
    await settle();
    expect(held.calls).toHaveLength(2);
    held.calls[1]!.finish();
    await Promise.all([second, third]);
    expect(held.delivered).toEqual(['c1', 'c2', 'c3']);
    queue.close();
  });

  it('a failed batch goes out again before the events sent after it', async () => {
    const held = heldPublish();
    const errors: unknown[] = [];
    const queue = createPublishQueue({
      origin: 'a',
      maxPayload: 7000,
      publish: held.publish,
      onError: (error) => errors.push(error),
    });
    const first = queue.send(read(1));
    await settle();
    const second = queue.send(read(2));
    await settle();
    held.calls[0]!.finish(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    expect(held.calls).toHaveLength(2);
    expect(held.calls[1]!.payloads.join()).toContain('"c1"');
    held.calls[1]!.finish();
    await second;
    expect(held.delivered).toEqual(['c1', 'c2']);
    queue.close();
  });
});
