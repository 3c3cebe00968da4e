import { describe, expect, it } from 'vitest';
import { isRetryable } from './resend';

describe('isRetryable', () => {
  it('retries transient failures only', () => {
    expect(isRetryable(null)).toBe(true);
    expect(isRetryable(500)).toBe(true);
    expect(isRetryable(503)).toBe(true);
    expect(isRetryable(429, 'rate_limit_exceeded')).toBe(true);
    expect(isRetryable(409, 'concurrent_idempotent_requests')).toBe(true);
    expect(isRetryable(422, 'validation_error')).toBe(false);
    expect(isRetryable(401, 'missing_api_key')).toBe(false);
    expect(isRetryable(403, 'invalid_from_address')).toBe(false);
  });
});
