import { describe, expect, it, vi } from 'vitest';
import { Emitter } from './emitter';

describe('Emitter', () => {
  it('calls listeners of the event only, and unsubscribes', () => {
    const e = new Emitter();
    const open = vi.fn();
    const close = vi.fn();
    const off = e.on('open', open);
    e.on('close', close);
    e.emit('open', undefined);
    off();
    e.emit('open', undefined);
    expect(open).toHaveBeenCalledTimes(1);
    expect(close).not.toHaveBeenCalled();
  });

  it('isolates a throwing listener from the others', () => {
    const e = new Emitter();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    e.on('close', () => {
      throw new Error('host bug');
    });
    e.on('close', after);
    e.emit('close', undefined);
    expect(after).toHaveBeenCalled();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });
});
