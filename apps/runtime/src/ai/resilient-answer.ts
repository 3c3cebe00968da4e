import { failureOf, idleTimer, markAnsweredBy, type ResilienceOptions, stopwatch } from './call-guard';
import type { AiProvider } from './provider';

/**
 * The streamed knowledge answer with a fallback. The timeout bounds the wait for the first visible text and
 * then each silence between updates (a long answer that keeps streaming is not cut). On a failure or timeout:
 *  - before any text reached `onText`: the fallback answers, as for every other call;
 *  - after some text reached `onText`: that text is the answer (found). The visitor has already seen it, so
 *    answering again from the fallback would show a second, different reply; a reply cut short is the lesser harm.
 * When the caller's signal aborts, the call rejects and nothing falls back.
 */
export function answerWithFallback(
  primary: AiProvider,
  fallback: AiProvider,
  { timeoutMs, logger, secrets = [] }: ResilienceOptions,
): AiProvider['answer'] {
  return async (input, options = {}) => {
    const latency = stopwatch();
    const stop = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
    const timer = idleTimer(timeoutMs, options.signal);
    let shown = '';
    let live = true;
    const onText = (text: string) => {
      if (!live) return; // a stream given up on may still be delivering
      shown = text;
      timer.progress();
      options.onText?.(text);
    };
    const log = { ai: 'answer', provider: primary.name };
    try {
      const result = await Promise.race([primary.answer(input, { onText, signal }), timer.expired]);
      logger?.info({ ...log, latencyMs: latency(), outcome: 'ok' }, 'ai call');
      return markAnsweredBy(result, primary.name);
    } catch (error) {
      live = false;
      stop.abort();
      if (options.signal?.aborted) {
        logger?.info({ ...log, latencyMs: latency(), outcome: 'aborted' }, 'ai call');
        throw error;
      }
      const failure = { ...log, latencyMs: latency(), ...failureOf(error, secrets) };
      if (shown) {
        logger?.warn({ ...failure, kept: 'streamed text' }, 'ai answer broke off; kept the text already shown');
        return markAnsweredBy({ found: true, answer: shown }, primary.name);
      }
      const result = await fallback.answer(input, { onText: options.onText, signal: options.signal });
      logger?.warn({ ...failure, fallback: fallback.name }, 'ai call failed; answered by fallback');
      return markAnsweredBy(result, fallback.name);
    } finally {
      live = false;
      timer.stop();
    }
  };
}
