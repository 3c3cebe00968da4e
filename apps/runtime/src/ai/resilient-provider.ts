import { type AiLogger, failureOf, markAnsweredBy, type ResilienceOptions, stopwatch, withTimeout } from './call-guard';
import type { AiCallName, AiProvider } from './provider';
import { answerWithFallback } from './resilient-answer';

/**
 * Logs every AI call and answers from the fallback provider when the primary one fails or is too slow.
 * Every result is marked with the provider that produced it: read it with `answeredBy`.
 */

export type { AiLogger, ResilienceOptions } from './call-guard';
export { AiTimeoutError, answeredBy } from './call-guard';

export const AI_CALLS: AiCallName[] = [
  'summarize',
  'prioritize',
  'classifyIntent',
  'answer',
  'agentTurn',
  'suggestReply',
];

type AnyCall = (...args: unknown[]) => Promise<unknown>;

function mapCalls(name: AiProvider['name'], wrap: (call: AiCallName) => AnyCall): AiProvider {
  return { name, ...Object.fromEntries(AI_CALLS.map((c) => [c, wrap(c)])) } as unknown as AiProvider;
}

function method(provider: AiProvider, call: AiCallName): AnyCall {
  return provider[call].bind(provider) as AnyCall;
}

export function withFallback(primary: AiProvider, fallback: AiProvider, options: ResilienceOptions): AiProvider {
  const { timeoutMs, logger, secrets = [] } = options;
  const wrapped = mapCalls(primary.name, (call) => {
    const first = method(primary, call);
    const second = method(fallback, call);
    return async (...args) => {
      const latency = stopwatch();
      try {
        const result = await withTimeout(first(...args), timeoutMs);
        logger?.info({ ai: call, provider: primary.name, latencyMs: latency(), outcome: 'ok' }, 'ai call');
        return markAnsweredBy(result, primary.name);
      } catch (error) {
        const result = await second(...args);
        logger?.warn(
          {
            ai: call,
            provider: primary.name,
            latencyMs: latency(),
            ...failureOf(error, secrets),
            fallback: fallback.name,
          },
          'ai call failed; answered by fallback',
        );
        return markAnsweredBy(result, fallback.name);
      }
    };
  });
  return { ...wrapped, answer: answerWithFallback(primary, fallback, options) };
}

/** Logs the calls of a provider that has nothing to fall back to (the offline one). */
export function withLogging(provider: AiProvider, logger?: AiLogger): AiProvider {
  if (!logger) return provider;
  return mapCalls(provider.name, (call) => {
    const run = method(provider, call);
    return async (...args) => {
      const latency = stopwatch();
      const result = await run(...args);
      logger.info({ ai: call, provider: provider.name, latencyMs: latency(), outcome: 'ok' }, 'ai call');
      return markAnsweredBy(result, provider.name);
    };
  });
}
