import type { WidgetEventName, WidgetEventPayloads, WidgetListener } from '../types';

/** Host-page listeners for widget events; a throwing listener never breaks the widget or the others. */
export class Emitter {
  private readonly listeners = new Map<WidgetEventName, Set<WidgetListener>>();

  on<E extends WidgetEventName>(event: E, fn: WidgetListener<E>): () => void {
    if (typeof fn !== 'function') return () => {};
    const set = this.listeners.get(event) ?? new Set();
    set.add(fn as WidgetListener);
    this.listeners.set(event, set);
    return () => this.off(event, fn);
  }

  off<E extends WidgetEventName>(event: E, fn: WidgetListener<E>): void {
    this.listeners.get(event)?.delete(fn as WidgetListener);
  }

  emit<E extends WidgetEventName>(event: E, payload: WidgetEventPayloads[E]): void {
    for (const fn of this.listeners.get(event) ?? []) {
      try {
        (fn as WidgetListener<E>)(payload);
      } catch (error) {
        console.error('Flowdesk listener failed', error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
