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

/** The JSON of one event's item: inline when it fits `maxBytes`, a reference for big messages, null when neither. */
export function toItem(event: HubEvent, maxBytes: number): string | null {
  const inline = JSON.stringify({ event } satisfies BridgeItem);
  if (Buffer.byteLength(inline) <= maxBytes) return inline;
  if (event.kind !== 'message') return null;
  const { workspaceId, message, internal } = event;
  const messageRef = { workspaceId, conversationId: message.conversationId, seq: message.seq, internal };
  return JSON.stringify({ messageRef } satisfies BridgeItem);
}

/**
 * Packs items (their JSON), in order, into as few envelopes as fit `maxBytes` each (PostgreSQL refuses NOTIFY
 * payloads of 8000 bytes or more). One payload per burst instead of one per event saves a round trip each.
 */
export function packPayloads(origin: string, items: string[], maxBytes: number): string[] {
  const open = `{"origin":${JSON.stringify(origin)},"items":[`;
  const head = Buffer.byteLength(open) + 2;
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = head;
  for (const json of items) {
    const bytes = Buffer.byteLength(json) + 1;
    if (batch.length > 0 && size + bytes > maxBytes) {
      payloads.push(`${open}${batch.join(',')}]}`);
      batch = [];
      size = head;
    }
    batch.push(json);
    size += bytes;
  }
  if (batch.length > 0) payloads.push(`${open}${batch.join(',')}]}`);
  return payloads;
}

/** The items an envelope carries, whichever format it has. */
export function itemsOf(envelope: Envelope): BridgeItem[] {
  if (envelope.items) return envelope.items;
  if (envelope.event) return [{ event: envelope.event }];
  if (envelope.messageRef) return [{ messageRef: envelope.messageRef }];
  return [];
}
