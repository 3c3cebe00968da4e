import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalTyping, RemoteTyping } from './typing';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('RemoteTyping', () => {
  it('shows the typist and expires by itself when no stop frame comes', () => {
    const changes: unknown[] = [];
    const t = new RemoteTyping((x) => changes.push(x), 8000);
    t.update({ author: 'agent', name: 'Ana' }, true);
    vi.advanceTimersByTime(7999);
    expect(t.current).toEqual({ author: 'agent', name: 'Ana' });
    vi.advanceTimersByTime(1);
    expect(t.current).toBeNull();
    expect(changes).toEqual([{ author: 'agent', name: 'Ana' }, null]);
  });

  it('a refresh pushes the expiry back; a stop or a message clears at once', () => {
    const t = new RemoteTyping(() => {}, 1000);
    t.update({ author: 'agent', name: 'Ana' }, true);
    vi.advanceTimersByTime(900);
    t.update({ author: 'agent', name: 'Ana' }, true);
    vi.advanceTimersByTime(900);
    expect(t.current).not.toBeNull();
    t.update({ author: 'agent', name: 'Ana' }, false);
    expect(t.current).toBeNull();
    t.update({ author: 'bot', name: null }, true);
    t.clear();
    expect(t.current).toBeNull();
  });
});

describe('LocalTyping', () => {
  it('sends typing once per refresh window and stopped after idle', () => {
    const sent: boolean[] = [];
    const t = new LocalTyping((x) => sent.push(x), 3000, 4000);
    t.input(0);
    t.input(1000);
    t.input(2000);
    expect(sent).toEqual([true]);
    t.input(3500);
    expect(sent).toEqual([true, true]);
    vi.advanceTimersByTime(4000);
    expect(sent).toEqual([true, true, false]);
  });

  it('stop() after sending reports stopped once; without typing it sends nothing', () => {
    const sent: boolean[] = [];
    const t = new LocalTyping((x) => sent.push(x));
    t.stop();
    expect(sent).toEqual([]);
    t.input(0);
    t.stop();
    t.stop();
    expect(sent).toEqual([true, false]);
  });
});
