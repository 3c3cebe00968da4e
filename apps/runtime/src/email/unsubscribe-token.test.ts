import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

const claim = { address: 'ana@example.test', userId: 'u-1', kind: 'needs_attention' };

describe('unsubscribe tokens', () => {
  it('round-trips a signed claim', () => {
    expect(verifyUnsubscribeToken('s3cret', signUnsubscribeToken('s3cret', claim))).toEqual(claim);
  });

  it('rejects another secret, a changed claim and garbage', () => {
    const token = signUnsubscribeToken('s3cret', claim);
    expect(verifyUnsubscribeToken('other', token)).toBeNull();
    const [, mac] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...claim, kind: 'all' })).toString('base64url')}.${mac}`;
    expect(verifyUnsubscribeToken('s3cret', forged)).toBeNull();
    expect(verifyUnsubscribeToken('s3cret', `${token}.x`)).toBeNull();
    expect(verifyUnsubscribeToken('s3cret', 'nope')).toBeNull();
    expect(verifyUnsubscribeToken('s3cret', '')).toBeNull();
  });
});
