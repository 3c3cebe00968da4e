import type { HubEvent } from './events';

/** A message too big to inline: receivers read it from the database. */
export interface MessageRef {
  workspaceId: string;
  conversationId: string;
  seq: number;
  internal: boolean;
}

export type BridgeItem = { event: HubEvent } | { messageRef: MessageRef };

/** One NOTIFY payload: events from one instance, in publish order. */
export interface Envelope {
  origin: string;
  items?: BridgeItem[];
  /** Single-event envelopes (older instances during a rolling upgrade). */
  event?: HubEvent;
  messageRef?: MessageRef;
}

/** The item for one event: inline when it fits `maxBytes`, a reference for big messages, null when neither. */
export function toItem(event: HubEvent, maxBytes: number): BridgeItem | null {
  const inline = { event };
  if (Buffer.byteLength(JSON.stringify(inline)) <= maxBytes) return inline;
  if (event.kind !== 'message') return null;
  const { workspaceId, message, internal } = event;
  return { messageRef: { workspaceId, conversationId: message.conversationId, seq: message.seq, internal } };
}

/**
 * Packs items, in order, into as few envelopes as fit `maxBytes` each (PostgreSQL refuses NOTIFY payloads
 * of 8000 bytes or more). One payload per burst instead of one per event saves a database round trip each.
 */
export function packPayloads(origin: string, items: BridgeItem[], maxBytes: number): string[] {
  const head = JSON.stringify({ origin, items: [] }).length;
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = head;
  for (const item of items) {
    const json = JSON.stringify(item);
    const bytes = Buffer.byteLength(json) + 1;
    if (batch.length > 0 && size + bytes > maxBytes) {
      payloads.push(`{"origin":${JSON.stringify(origin)},"items":[${batch.join(',')}]}`);
      batch = [];
      size = head;
    }
    batch.push(json);
    size += bytes;
  }
  if (batch.length > 0) payloads.push(`{"origin":${JSON.stringify(origin)},"items":[${batch.join(',')}]}`);
  return payloads;
}

/** The items an envelope carries, whichever format it has. */
export function itemsOf(envelope: Envelope): BridgeItem[] {
  if (envelope.items) return envelope.items;
  if (envelope.event) return [{ event: envelope.event }];
  if (envelope.messageRef) return [{ messageRef: envelope.messageRef }];
  return [];
}
