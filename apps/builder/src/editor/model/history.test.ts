import { describe, expect, test } from 'vitest';
import { canRedo, canUndo, commit, createHistory, HISTORY_LIMIT, redo, transient, undo } from './history';

describe('history', () => {
  test('undo and redo walk the committed values', () => {
    let h = createHistory('a');
    h = commit(h, 'b');
    h = commit(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(canUndo(h)).toBe(false);
    h = redo(h);
    expect(h.present).toBe('b');
    expect(canRedo(h)).toBe(true);
  });

  test('a new commit clears the redo branch', () => {
    let h = commit(commit(createHistory(1), 2), 3);
    h = undo(h);
    h = commit(h, 4);
    expect(canRedo(h)).toBe(false);
    expect(undo(h).present).toBe(2);
  });

  test('transient changes become one step with the value before them', () => {
    let h = createHistory('start');
    h = transient(h, 'drag1');
    h = transient(h, 'drag2');
    h = commit(h, 'dropped');
    expect(h.past).toEqual(['start']);
    expect(undo(h).present).toBe('start');
  });

  test('undo during an uncommitted drag returns to before the drag', () => {
    let h = transient(createHistory('start'), 'moving');
    expect(canUndo(h)).toBe(true);
    h = undo(h);
    expect(h.present).toBe('start');
    expect(redo(h).present).toBe('moving');
  });

  test('commits with the same coalesce key merge', () => {
    let h = createHistory('');
    h = commit(h, 'H', 'text');
    h = commit(h, 'He', 'text');
    h = commit(h, 'Hey', 'text');
    expect(h.past).toEqual(['']);
    h = commit(h, 'Hey!', 'other');
    expect(h.past).toEqual(['', 'Hey']);
  });

  test('the number of steps is capped', () => {
    let h = createHistory(0);
    for (let i = 1; i <= HISTORY_LIMIT + 20; i++) h = commit(h, i);
    expect(h.past.length).toBe(HISTORY_LIMIT);
    expect(h.past[0]).toBe(20);
  });

  test('committing the same value is a no-op', () => {
    const h = commit(createHistory('x'), 'y');
    expect(commit(h, 'y')).toBe(h);
  });
});
