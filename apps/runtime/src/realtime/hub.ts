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
  private bridge: HubBridge | null = null;

  constructor(private readonly onError: (error: unknown) => void = () => {}) {}

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers to this instance and to the others. */
  publish(event: HubEvent) {
    this.deliver(event);
    this.bridge?.send(event).catch(this.onError);
  }

  /** Delivers an event that came from another instance (does not echo it back). */
  deliver(event: HubEvent) {
    for (const listener of this.listeners) {
      try {
        listener(event);
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
    await this.bridge?.close();
    this.bridge = null;
  }
}
