import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  capturedVariables,
  getPath,
  setPath,
  setPaths,
  toVariableValue,
  type Variables,
  type VariableValue,
  valueToText,
} from './variables';

describe('variables', () => {
  test('setPath nests and leaves the input untouched', () => {
    const before = { a: 1 };
    const after = setPath(before, 'contact.email', 'x@y.z');
    expect(after).toEqual({ a: 1, contact: { email: 'x@y.z' } });
    expect(before).toEqual({ a: 1 });
    expect(setPath(after, 'contact.name', 'X')).toEqual({ a: 1, contact: { email: 'x@y.z', name: 'X' } });
  });

  test('forbidden keys are neither written nor read', () => {
    const vars = setPath({}, '__proto__.polluted', 'yes');
    expect(vars).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(getPath({ a: { constructor: 'x' } }, 'a.constructor')).toBeUndefined();
    expect(getPath([1, 2], '1')).toBe(2);
  });

  test('toVariableValue makes anything JSON-safe', () => {
    const weird = JSON.parse('{"__proto__": {"x": 1}, "ok": [1, null, {"n": 2}]}');
    expect(toVariableValue(weird)).toEqual({ ok: [1, null, { n: 2 }] });
    expect(toVariableValue(Number.NaN)).toBeNull();
    expect(toVariableValue(() => 1)).toBeNull();
    expect(valueToText({ a: 1 })).toBe('{"a":1}');
  });
});

describe('setPaths', () => {
  const path = fc.constantFrom('a', 'b', 'a.x', 'a.y', 'b.z.w', 'c', '__proto__', 'a.constructor', 'a.x.deep');
  const value = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.constant(null));
  test('does what setPath one entry after the other does, and leaves the input untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(path, value), { maxLength: 12 }),
        fc.array(fc.tuple(path, value)),
        (first, then) => {
          const base = first.reduce<Variables>((vars, [p, v]) => setPath(vars, p, v), {});
          const frozen = JSON.stringify(base);
          const expected = then.reduce<Variables>((vars, [p, v]) => setPath(vars, p, v), base);
          expect(setPaths(base, then)).toEqual(expected);
          expect(JSON.stringify(base)).toBe(frozen);
        },
      ),
    );
  });

  test('sets 50,000 variables (linear, where one setPath each copied the object every time)', () => {
    const entries = Array.from({ length: 50_000 }, (_, i): [string, VariableValue] => [`k${i}`, i]);
    const out = setPaths({}, entries);
    expect(Object.keys(out)).toHaveLength(50_000);
    expect(out.k49999).toBe(49_999);
  });
});

describe('capturedVariables', () => {
  test('keeps what the flow captured, not the engine’s or the host’s own', () => {
    expect(
      capturedVariables({
        email: 'vera@example.org',
        order: { id: 'A1' },
        last_message: 'vera@example.org',
        visitor: { name: null, email: null },
        page: { url: 'https://x' },
        conversation: { id: 'c1' },
        _engine: 'x',
        visitor_tier: 'gold',
      }),
    ).toEqual({ email: 'vera@example.org', order: { id: 'A1' }, visitor_tier: 'gold' });
  });

  test('leaves out what the page set while it still holds the page’s value', () => {
    expect(capturedVariables({ plan: 'Pro', seats: 14, topic: 'Billing' }, { plan: 'Pro', seats: 12 })).toEqual({
      seats: 14,
      topic: 'Billing',
    });
  });
});
