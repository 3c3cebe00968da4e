import { describe, expect, test } from 'vitest';
import { getPath, setPath, toVariableValue, valueToText } from './variables';

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
