import type { AiCallName, AiProvider } from './provider';

/** Logs every AI call and answers from the fallback provider when the primary one fails or is too slow. */

export type AiLogger = {
  info(obj: Record<string, unknown>, msg?: string): void;
  warn(obj: Record<string, unknown>, msg?: string): void;
};

export const AI_CALLS: AiCallName[] = [
  'summarize',
  'prioritize',
  'classifyIntent',
  'answer',
  'agentTurn',
  'suggestReply',
];

export class AiTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`AI call timed out after ${timeoutMs} ms`);
    this.name = 'AiTimeoutError';
  }
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AiTimeoutError(timeoutMs)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type ResilienceOptions = {
  timeoutMs: number;
  logger?: AiLogger;
  /** Strings never to write to a log (the API key). */
  secrets?: string[];
};

function redact(text: string, secrets: string[]): string {
  return secrets.filter((s) => s.length > 0).reduce((out, s) => out.split(s).join('[redacted]'), text);
}

type AnyCall = (input: unknown) => Promise<unknown>;

function mapCalls(name: AiProvider['name'], wrap: (call: AiCallName) => AnyCall): AiProvider {
  return { name, ...Object.fromEntries(AI_CALLS.map((c) => [c, wrap(c)])) } as unknown as AiProvider;
}

function method(provider: AiProvider, call: AiCallName): AnyCall {
  return provider[call].bind(provider) as AnyCall;
}

function stopwatch(): () => number {
  const started = performance.now();
  return () => Math.round(performance.now() - started);
}

export function withFallback(primary: AiProvider, fallback: AiProvider, options: ResilienceOptions): AiProvider {
  const { timeoutMs, logger, secrets = [] } = options;
  return mapCalls(primary.name, (call) => {
    const first = method(primary, call);
    const second = method(fallback, call);
    return async (input) => {
      const latency = stopwatch();
      try {
        const result = await withTimeout(first(input), timeoutMs);
        logger?.info({ ai: call, provider: primary.name, latencyMs: latency(), outcome: 'ok' }, 'ai call');
        return result;
      } catch (error) {
        const outcome = error instanceof AiTimeoutError ? 'timeout' : 'error';
        const message = redact(error instanceof Error ? error.message : String(error), secrets);
        const result = await second(input);
        logger?.warn(
          { ai: call, provider: primary.name, latencyMs: latency(), outcome, error: message, fallback: fallback.name },
          'ai call failed; answered by fallback',
        );
        return result;
      }
    };
  });
}

/** Logs the calls of a provider that has nothing to fall back to (the offline one). */
export function withLogging(provider: AiProvider, logger?: AiLogger): AiProvider {
  if (!logger) return provider;
  return mapCalls(provider.name, (call) => {
    const run = method(provider, call);
    return async (input) => {
      const latency = stopwatch();
      const result = await run(input);
      logger.info({ ai: call, provider: provider.name, latencyMs: latency(), outcome: 'ok' }, 'ai call');
      return result;
    };
  });
}
