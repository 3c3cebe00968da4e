import { describe, expect, test } from 'vitest';
import { decryptSecret, encryptSecret } from './cipher';

describe('AI key cipher', () => {
  test('round-trips, never stores the plain key, and differs each time', () => {
    const sealed = encryptSecret('server secret', 'sk-test-1234567890');
    expect(sealed).not.toContain('sk-test');
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(encryptSecret('server secret', 'sk-test-1234567890')).not.toBe(sealed);
    expect(decryptSecret('server secret', sealed)).toBe('sk-test-1234567890');
  });

  test('another secret or a changed byte gives null, not garbage', () => {
    const sealed = encryptSecret('server secret', 'sk-test-1234567890');
    expect(decryptSecret('another secret', sealed)).toBeNull();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = `${body![0] === 'A' ? 'B' : 'A'}${body!.slice(1)}`;
    expect(decryptSecret('server secret', [version, iv, tag, flipped].join('.'))).toBeNull();
    expect(decryptSecret('server secret', 'not sealed')).toBeNull();
  });
});
