import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheReplyTime } from './reply-time-cache';

const support = { workspace_id: 'w1', team_id: 'support' };
const workspace = { workspace_id: 'w1', team_id: null };

describe('cacheReplyTime', () => {
  afterEach(() => vi.useRealTimers());

  it('reads each workspace/team once within the time to live, then again', async () => {
    vi.useFakeTimers();
    const calls: string[] = [];
    const words = cacheReplyTime(async (scope) => {
      calls.push(`${scope.workspace_id}:${scope.team_id}`);
      return scope.team_id ? 'a few minutes' : 'a few hours';
    }, 1000);
    expect(await words(support)).toBe('a few minutes');
    expect(await words(support)).toBe('a few minutes');
    expect(await words(workspace)).toBe('a few hours');
    expect(calls).toEqual(['w1:support', 'w1:null']);
    vi.advanceTimersByTime(1001);
    expect(await words(support)).toBe('a few minutes');
    expect(calls).toEqual(['w1:support', 'w1:null', 'w1:support']);
  });

  it('does not keep a failed read', async () => {
    let fail = true;
    const words = cacheReplyTime(async () => {
      if (fail) throw new Error('database down');
      return 'within a day';
    });
    await expect(words(support)).rejects.toThrow('database down');
    fail = false;
    expect(await words(support)).toBe('within a day');
  });
});
