import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { loadMessages } from '../repositories/messages';
import type { RealtimeHub } from './hub';
import { type BridgeItem, type Envelope, itemsOf } from './notify-batch';

/**
 * What a bridge (PostgreSQL NOTIFY or Redis pub/sub) does with a payload from another instance: skip its
 * own, deliver the events to this instance's hub, and read a message sent by reference from the database.
 * Payloads are handled one after another so a referenced message cannot overtake the events after it.
 */
export function envelopeReceiver(options: {
  origin: string;
  db: Kysely<Database>;
  hub: RealtimeHub;
  onError: (error: unknown) => void;
}): (payload: string) => void {
  const { origin, db, hub, onError } = options;
  const deliverItem = async (item: BridgeItem) => {
    if ('event' in item) return hub.deliver(item.event);
    const ref = item.messageRef;
    const [message] = await loadMessages(db, ref.conversationId, {
      afterSeq: ref.seq - 1,
      limit: 1,
      includeInternal: true,
    });
    if (message)
      hub.deliver({
        kind: 'message',
        workspaceId: ref.workspaceId,
        message: message.message,
        internal: message.internal,
      });
  };
  let received: Promise<void> = Promise.resolve();
  return (payload) => {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(payload) as Envelope;
    } catch (error) {
      return onError(error);
    }
    if (envelope.origin === origin) return;
    received = received.then(async () => {
      for (const item of itemsOf(envelope)) await deliverItem(item).catch(onError);
    });
  };
}
