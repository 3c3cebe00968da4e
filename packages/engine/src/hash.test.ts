import { expect, test } from 'vitest';
import { canonicalJson, hashText } from './hash';

test('canonical JSON ignores key order and undefined fields', () => {
  expect(canonicalJson({ b: 1, a: [{ y: 2, x: undefined, z: 'q' }] })).toBe('{"a":[{"y":2,"z":"q"}],"b":1}');
  expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
});

test('hashes are stable, 28 hex digits, and differ for small changes', () => {
  expect(hashText('flow')).toBe(hashText('flow'));
  expect(hashText('flow')).toMatch(/^[0-9a-f]{28}$/);
  const hashes = new Set(Array.from({ length: 2000 }, (_, i) => hashText(`flow-${i}`)));
  expect(hashes.size).toBe(2000);
});
