import { describe, expect, it } from 'vitest';
import { pageVariables, pageVisitor } from './page-details';
import { PublicVariables, VisitorDetails } from './public-api';

describe('what a page may tell the chat', () => {
  it('keeps the values the session accepts and names the others with why', () => {
    const input: Record<string, unknown> = {
      plan: 'Pro',
      seats: 12,
      trial: false,
      company: { name: 'Ray' },
      tags: ['a'],
      gone: null,
      ratio: Number.NaN,
      note: 'x'.repeat(2001),
      ['n'.repeat(101)]: 'long name',
    };
    const { variables, rejected } = pageVariables(input);
    expect(variables).toEqual({ plan: 'Pro', seats: 12, trial: false });
    expect(rejected.map((r) => r.name)).toEqual(['company', 'tags', 'gone', 'ratio', 'note', 'n'.repeat(101)]);
    expect(rejected[0]!.problem).toMatch(/only text, numbers and true\/false/);
    // The same verdicts as the server's schema.
    expect(PublicVariables.safeParse(variables).success).toBe(true);
    for (const { name } of rejected) expect(PublicVariables.safeParse({ [name]: input[name] }).success).toBe(false);
  });

  it('counts the variables kept already towards the limit of 100, and a name set again is not new', () => {
    const kept = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`v${i}`, i]));
    const { variables, rejected } = pageVariables({ v0: 'again', extra: 1 }, kept);
    expect(variables).toEqual({ v0: 'again' });
    expect(rejected).toEqual([{ name: 'extra', problem: 'more than 100 variables' }]);
    expect(PublicVariables.safeParse({ ...kept, extra: 1 }).success).toBe(false);
  });

  it('checks the visitor’s name and email as the session does', () => {
    expect(pageVisitor({ name: 'Bob', email: 'bob@example.com' })).toEqual({
      visitor: { name: 'Bob', email: 'bob@example.com' },
      rejected: [],
    });
    const bad = pageVisitor({ name: 'x'.repeat(201), email: 'bob at example' });
    expect(bad.visitor).toEqual({});
    expect(bad.rejected.map((r) => r.name)).toEqual(['name', 'email']);
    expect(VisitorDetails.safeParse({ name: 'x'.repeat(201) }).success).toBe(false);
    expect(VisitorDetails.safeParse({ email: 'bob at example' }).success).toBe(false);
  });
});
