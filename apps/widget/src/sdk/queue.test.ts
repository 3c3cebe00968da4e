import { describe, expect, it } from 'vitest';
import { replayQueue, type SdkTarget } from './queue';

function recorder() {
  const calls: unknown[][] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args]);
  const target = Object.fromEntries(
    ['open', 'close', 'toggle', 'hide', 'show', 'setVariables', 'identify', 'on', 'off', 'destroy'].map((n) => [
      n,
      record(n),
    ]),
  ) as unknown as SdkTarget;
  return { calls, target };
}

describe('replayQueue', () => {
  it('replays queued calls in page order with their arguments', () => {
    const { calls, target } = recorder();
    const n = replayQueue([['setVariables', { plan: 'pro' }], ['identify', { email: 'a@b.io' }], ['open']], target);
    expect(n).toBe(3);
    expect(calls).toEqual([['setVariables', { plan: 'pro' }], ['identify', { email: 'a@b.io' }], ['open']]);
  });

  it('attaches listeners first so they hear events caused by earlier queued calls', () => {
    const { calls, target } = recorder();
    const fn = () => {};
    replayQueue([['open'], ['on', 'open', fn]], target);
    expect(calls).toEqual([['on', 'open', fn], ['open']]);
  });

  it('accepts arguments objects pushed by a classic stub', () => {
    const { calls, target } = recorder();
    function stub(..._args: unknown[]) {
      // biome-ignore lint/complexity/noArguments: this is how pre-ES2015 snippets capture calls
      return arguments;
    }
    replayQueue([stub('hide'), stub('show')], target);
    expect(calls).toEqual([['hide'], ['show']]);
  });

  it('skips unknown methods and junk, and keeps going after a throwing call', () => {
    const { calls, target } = recorder();
    target.hide = () => {
      throw new Error('nope');
    };
    const warnings: string[] = [];
    const n = replayQueue([['eval', 'x'], null, 42, ['hide'], ['show']], target, (m) => warnings.push(m));
    expect(n).toBe(2);
    expect(calls).toEqual([['show']]);
    expect(warnings).toHaveLength(4);
  });

  it('does nothing without a queue', () => {
    const { calls, target } = recorder();
    expect(replayQueue(undefined, target)).toBe(0);
    expect(calls).toEqual([]);
  });
});
