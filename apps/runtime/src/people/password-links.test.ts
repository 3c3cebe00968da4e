import { describe, expect, it } from 'vitest';
import { signLinkToken, verifyLinkToken } from './password-links';

const SECRET = 'test-secret';
const now = new Date('2026-12-05T10:00:00Z');
const exp = Math.floor(now.getTime() / 1000) + 3600;
const claim = { k: 'reset' as const, n: 'abcdefghijklmnopqrstuv', exp };

describe('password link tokens', () => {
  it('verifies a genuine token until its expiry', () => {
    const token = signLinkToken(SECRET, claim);
    expect(verifyLinkToken(SECRET, token, now)).toEqual({ ok: true, claim });
    expect(verifyLinkToken(SECRET, token, new Date((exp - 1) * 1000)).ok).toBe(true);
    expect(verifyLinkToken(SECRET, token, new Date(exp * 1000))).toEqual({ ok: false, problem: 'link_expired' });
  });

  it('refuses changed, re-signed, truncated or padded tokens as invalid, before looking at the expiry', () => {
    const token = signLinkToken(SECRET, claim);
    const [body, mac] = token.split('.') as [string, string];
    const longer = Buffer.from(JSON.stringify({ ...claim, exp: exp + 86_400 })).toString('base64url');
    const cases = [
      `${longer}.${mac}`, // a later expiry with the old signature
      signLinkToken('another-secret', claim),
      `${body}.`,
      body,
      `${token}.extra`,
      `${body}.${mac.slice(0, -2)}${mac.at(-2) === 'A' ? 'B' : 'A'}${mac.at(-1)}`,
      '',
    ];
    for (const bad of cases) {
      expect(verifyLinkToken(SECRET, bad, new Date((exp + 10) * 1000)), bad).toEqual({
        ok: false,
        problem: 'link_invalid',
      });
    }
    // Signed but not a claim.
    const junk = Buffer.from('{"k":"admin"}').toString('base64url');
    const signedJunk = signLinkToken(SECRET, claim).replace(body, junk);
    expect(verifyLinkToken(SECRET, signedJunk, now).ok).toBe(false);
  });
});
