import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { envelopeReceiver } from './bridge-receiver';
import type { HubEvent } from './events';
import { RealtimeHub } from './hub';

const presence = (userId: string): HubEvent => ({ kind: 'presence', workspaceId: 'w', userId, status: 'online' });

function setUp() {
  const hub = new RealtimeHub();
  const delivered: HubEvent[] = [];
  hub.subscribe((event) => delivered.push(event));
  const errors: unknown[] = [];
  // Inline events only: the database is read for messages sent by reference, not here.
  const db = {} as Kysely<Database>;
  const receive = envelopeReceiver({ origin: 'me', db, hub, onError: (error) => errors.push(error) });
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return { receive, delivered, errors, settled };
}

describe('envelopeReceiver', () => {
  it("delivers another instance's events in order and skips this instance's own", async () => {
    const { receive, delivered, settled } = setUp();
    receive(JSON.stringify({ origin: 'other', items: [{ event: presence('a') }, { event: presence('b') }] }));
    receive(JSON.stringify({ origin: 'me', items: [{ event: presence('mine') }] }));
    receive(JSON.stringify({ origin: 'other', event: presence('c') }));
    await settled();
    expect(delivered.map((event) => (event.kind === 'presence' ? event.userId : event.kind))).toEqual(['a', 'b', 'c']);
  });

  it('reports a payload that is not JSON and goes on with the next', async () => {
    const { receive, delivered, errors, settled } = setUp();
    receive('{not json');
    receive(JSON.stringify({ origin: 'other', items: [{ event: presence('a') }] }));
    await settled();
    expect(errors).toHaveLength(1);
    expect(delivered).toHaveLength(1);
  });
});
