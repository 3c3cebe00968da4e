import type { HubEvent, HubListener } from './events';

/** Carries events to other runtime instances (PostgreSQL LISTEN/NOTIFY); absent on a single instance. */
export interface HubBridge {
  send(event: HubEvent): Promise<void>;
  close(): Promise<void>;
}

/**
 * In-process fan-out of realtime events. Events published here reach local listeners at once and,
 * through the bridge, listeners on every other instance. Publish only after the data is committed.
 */
export class RealtimeHub {
  private readonly listeners = new Set<HubListener>();
  /** Listeners of one conversation's events only (widget sockets): an event costs O(its listeners), not O(sockets). */
  private readonly byConversation = new Map<string, Set<HubListener>>();
  private bridge: HubBridge | null = null;
  private readonly resyncListeners = new Set<() => void>();

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  /** Every event of every workspace (inbox sockets filter by workspace themselves). */
  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Message, conversation and typing events of one conversation. */
  subscribeConversation(conversationId: string, listener: HubListener): () => void {
    let set = this.byConversation.get(conversationId);
    if (!set) {
      set = new Set();
      this.byConversation.set(conversationId, set);
    }
    set.add(listener);
    const own = set;
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.byConversation.get(conversationId) === own) this.byConversation.delete(conversationId);
    };
  }

  /** Delivers to this instance and to the others. */
  publish(event: HubEvent) {
    this.deliver(event);
    this.bridge?.send(event).catch(this.onError);
  }

  /** Delivers an event that came from another instance (does not echo it back). */
  deliver(event: HubEvent) {
    for (const listener of this.listeners) this.call(listener, event);
    const conversationId = conversationOf(event);
    const followers = conversationId ? this.byConversation.get(conversationId) : undefined;
    if (followers) for (const listener of followers) this.call(listener, event);
  }

  private call(listener: HubListener, event: HubEvent) {
    try {
      listener(event);
    } catch (error) {
      this.onError(error);
    }
  }

  /** Called when events from other instances may have been missed (their relay was down for a while). */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Asks every follower to read what it may have missed from the database. */
  resync() {
    for (const listener of this.resyncListeners) {
      try {
        listener();
      } catch (error) {
        this.onError(error);
      }
    }
  }

  attachBridge(bridge: HubBridge) {
    this.bridge = bridge;
  }

  async close() {
    this.listeners.clear();
    this.byConversation.clear();
    this.resyncListeners.clear();
    await this.bridge?.close();
    this.bridge = null;
  }
}

function conversationOf(event: HubEvent): string | null {
  switch (event.kind) {
    case 'message':
      return event.message.conversationId;
    case 'conversation':
      return event.conversation.id;
    case 'typing':
    case 'stream':
      return event.conversationId;
    default:
      return null;
  }
}
