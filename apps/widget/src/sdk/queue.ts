export const SDK_METHODS = [
  'open',
  'close',
  'toggle',
  'hide',
  'show',
  'setVariables',
  'identify',
  'on',
  'off',
  'destroy',
] as const;
export type SdkMethod = (typeof SDK_METHODS)[number];
export type SdkTarget = Record<SdkMethod, (...args: never[]) => unknown>;

/** The snippet's stub: `window.Flowdesk = window.Flowdesk || { q: [] }`, calls pushed as `[method, ...args]`. */
export interface SdkStub {
  q?: unknown[];
}

function isMethod(name: unknown): name is SdkMethod {
  return typeof name === 'string' && (SDK_METHODS as readonly string[]).includes(name);
}

/**
 * Replays calls the host page made before the loader ran. Listeners (`on`) are attached first so
 * they hear the events that the other replayed calls cause; otherwise the page's order is kept.
 * Unknown or malformed entries are skipped; a throwing call does not stop the rest.
 */
export function replayQueue(queue: unknown, target: SdkTarget, warn: (msg: string) => void = () => {}): number {
  if (!Array.isArray(queue)) return 0;
  const calls: { name: SdkMethod; args: unknown[] }[] = [];
  for (const entry of queue) {
    const parts =
      entry != null && typeof entry === 'object' && 'length' in entry ? Array.from(entry as ArrayLike<unknown>) : [];
    const [name, ...args] = parts;
    if (isMethod(name)) calls.push({ name, args });
    else warn(`Flowdesk: ignoring queued call ${String(name)}`);
  }
  const ordered = [...calls.filter((c) => c.name === 'on'), ...calls.filter((c) => c.name !== 'on')];
  for (const { name, args } of ordered) {
    try {
      (target[name] as (...a: unknown[]) => unknown)(...args);
    } catch (error) {
      warn(`Flowdesk: queued ${name}() failed: ${String(error)}`);
    }
  }
  return ordered.length;
}
