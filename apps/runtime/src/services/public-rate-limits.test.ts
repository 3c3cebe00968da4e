import { describe, expect, it } from 'vitest';
import { PublicRateLimits } from './public-rate-limits';

const limits = (perIp: number, perVisitor: number, newVisitors: number) =>
  new PublicRateLimits({
    PUBLIC_RATE_LIMIT_PER_IP: perIp,
    PUBLIC_RATE_LIMIT_PER_VISITOR: perVisitor,
    PUBLIC_SESSION_LIMIT_PER_IP: newVisitors,
  });

describe('PublicRateLimits', async () => {
  it('counts the address first, then the visitor, and names the budget that ran out', async () => {
    const l = limits(3, 1, 1);
    expect((await l.request('1.2.3.4', 'token-a')).wait).toBe(0);
    expect(await l.request('1.2.3.4', 'token-a')).toMatchObject({ message: 'Too many requests from this visitor' });
    expect((await l.request('1.2.3.4', 'token-b')).wait).toBe(0);
    expect(await l.request('1.2.3.4', 'token-c')).toMatchObject({ message: 'Too many requests from this address' });
    expect((await l.request('5.6.7.8', null)).wait).toBe(0);
  });

  it('counts new visitors per address apart from requests', async () => {
    const l = limits(0, 0, 2);
    expect([(await l.newVisitor('1.2.3.4')).wait, (await l.newVisitor('1.2.3.4')).wait]).toEqual([0, 0]);
    expect(await l.newVisitor('1.2.3.4')).toMatchObject({ message: 'Too many new chat sessions from this address' });
    expect((await l.newVisitor('1.2.3.4')).wait).toBeGreaterThan(0);
    expect((await l.newVisitor('5.6.7.8')).wait).toBe(0);
  });

  it('never limits with every budget at 0', async () => {
    const l = limits(0, 0, 0);
    for (let i = 0; i < 500; i++) {
      expect((await l.request('1.2.3.4', 'token')).wait).toBe(0);
      expect((await l.newVisitor('1.2.3.4')).wait).toBe(0);
    }
  });
});
