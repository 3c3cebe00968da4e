import type { AiProvider, ProviderName } from './provider';

/** What the resilient wrappers share: timeouts, log redaction, latency, and who answered each result. */

export type AiLogger = {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
};

export type ResilienceOptions = {
  /** Longest wait for a result; for a streamed answer, for the first text and then between updates. */
  timeoutMs: number;
  logger?: AiLogger;
  /** Strings never to write to a log (the API key). */
  secrets?: string[];
};

export class AiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`AI call timed out after ${timeoutMs} ms`);
    this.name = 'AiTimeoutError';
  }
}

/**
 * `expired` rejects with AiTimeoutError once `timeoutMs` pass without a call to `progress`, or with the
 * signal's reason when it aborts. `stop` disarms it.
 */
export function idleTimer(timeoutMs: number, signal?: AbortSignal) {
  let timer: NodeJS.Timeout | undefined;
  let fail: (error: unknown) => void = () => {};
  const expired = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const onAbort = () => fail(signal?.reason);
  const progress = () => {
    clearTimeout(timer);
    timer = setTimeout(() => fail(new AiTimeoutError(timeoutMs)), timeoutMs);
  };
  progress();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) onAbort();
  const stop = () => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  };
  return { expired, progress, stop };
}

export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  const timer = idleTimer(timeoutMs);
  try {
    return await Promise.race([promise, timer.expired]);
  } finally {
    timer.stop();
  }
}

export function redact(text: string, secrets: string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((out, s) => out.split(s).join('[redacted]'), text);
}

export function failureOf(error: unknown, secrets: string[]) {
  const outcome = error instanceof AiTimeoutError ? 'timeout' : 'error';
  return { outcome, error: redact(error instanceof Error ? error.message : String(error), secrets) };
}

export function stopwatch(): () => number {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}

const producers = new WeakMap<object, ProviderName>();

/** Records which provider produced a result (results are objects; anything else is returned untouched). */
export function markAnsweredBy<T>(result: T, name: ProviderName): T {
  if (typeof result === 'object' && result !== null) producers.set(result, name);
  return result;
}

/**
 * Which provider produced these results of `ai`: `offline` when any of them came from the offline fallback,
 * else the one that wrote them. Results the wrappers never saw count as `ai.name`; nulls are skipped.
 */
export function answeredBy(ai: Pick<AiProvider, 'name'>, ...results: Array<object | null | undefined>): ProviderName {
  const names = results.flatMap((result) => (result ? [producers.get(result) ?? ai.name] : []));
  return names.includes('offline') ? 'offline' : (names[0] ?? ai.name);
}
