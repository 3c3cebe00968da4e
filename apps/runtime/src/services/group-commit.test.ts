import { describe, expect, it } from 'vitest';
import { GroupCommit } from './group-commit';

type Job = { key: string; fail?: boolean };

/** A group commit whose "transactions" are recorded: which jobs ran together, which alone. */
function recorder(max: number, maxInFlight = 4) {
  const together: string[][] = [];
  const alone: string[] = [];
  const log: string[] = [];
  const group = new GroupCommit<Job, string>({
    max,
    maxInFlight,
    together: async (jobs) => {
      together.push(jobs.map((job) => job.key));
      if (jobs.some((job) => job.fail)) throw new Error('one job failed: roll back');
      return jobs.map((job) => async () => {
        log.push(`published ${job.key}`);
        return `done ${job.key}`;
      });
    },
    alone: async (job) => {
      alone.push(job.key);
      if (job.fail) throw new Error(`${job.key} failed`);
      return `alone ${job.key}`;
    },
  });
  return { group, together, alone, log };
}

describe('GroupCommit', () => {
  it('runs the jobs of one turn in one transaction and answers each with its own result, in order', async () => {
    const { group, together, alone, log } = recorder(32);
    const results = await Promise.all(['a', 'b', 'c'].map((key) => group.run({ key })));
    expect(together).toEqual([['a', 'b', 'c']]);
    expect(alone).toEqual([]);
    expect(results).toEqual(['done a', 'done b', 'done c']);
    expect(log).toEqual(['published a', 'published b', 'published c']);
  });

  it('starts a new group once one is full', async () => {
    const { group, together, alone } = recorder(2);
    await Promise.all(['a', 'b', 'c'].map((key) => group.run({ key })));
    expect(together).toEqual([['a', 'b'], ['c']]);
    expect(alone).toEqual([]);
  });

  it('while every slot holds a transaction, new jobs gather into the next group', async () => {
    const { group, together } = recorder(32, 1);
    const first = group.run({ key: 'a' });
    await new Promise((resolve) => setImmediate(resolve));
    // 'a' holds the only slot now: b, c and d, arriving in separate turns, wait and go together.
    const later: Array<Promise<string>> = [];
    for (const key of ['b', 'c', 'd']) {
      later.push(group.run({ key }));
      await Promise.resolve();
    }
    await Promise.all([first, ...later]);
    expect(together).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('a lone job that fails answers its error without running again', async () => {
    const { group, together, alone } = recorder(32);
    await expect(group.run({ key: 'a', fail: true })).rejects.toThrow('roll back');
    expect(together).toEqual([['a']]);
    expect(alone).toEqual([]);
  });

  it('runs every job of a failed group again alone, so one failure stays its own', async () => {
    const { group, together, alone } = recorder(32);
    const results = await Promise.allSettled([
      group.run({ key: 'a' }),
      group.run({ key: 'b', fail: true }),
      group.run({ key: 'c' }),
    ]);
    expect(together).toEqual([['a', 'b', 'c']]);
    expect(alone).toEqual(['a', 'b', 'c']);
    expect(results.map((result) => (result.status === 'fulfilled' ? result.value : String(result.reason)))).toEqual([
      'alone a',
      'Error: b failed',
      'alone c',
    ]);
  });

  it('with max 1 every job runs alone at once', async () => {
    const { group, together, alone } = recorder(1);
    await Promise.all(['a', 'b'].map((key) => group.run({ key })));
    expect(together).toEqual([]);
    expect(alone).toEqual(['a', 'b']);
  });

  it('jobs of later turns form later groups', async () => {
    const { group, together } = recorder(32);
    const first = Promise.all(['a', 'b'].map((key) => group.run({ key })));
    await new Promise((resolve) => setImmediate(resolve));
    const second = Promise.all(['c', 'd'].map((key) => group.run({ key })));
    await Promise.all([first, second]);
    expect(together).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });
});
