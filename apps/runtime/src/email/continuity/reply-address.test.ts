import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { conversationOfReplyAddress, displayName, replyAddressFor } from './reply-address';

const secret = 'test-secret';
const domain = 'reply.example.com';

describe('conversation reply addresses', () => {
  it('round-trips, with a display name and in upper case, and stays within 64 characters before the @', () => {
    const id = randomUUID();
    const address = replyAddressFor(secret, id, domain);
    expect(address.split('@')[0]!.length).toBeLessThanOrEqual(64);
    expect(conversationOfReplyAddress(secret, address, domain)).toBe(id);
    expect(conversationOfReplyAddress(secret, `Acme Support <${address.toUpperCase()}>`, domain)).toBe(id);
  });

  it('refuses another domain, another secret, an altered id or MAC, and anything else', () => {
    const id = randomUUID();
    const address = replyAddressFor(secret, id, domain);
    expect(conversationOfReplyAddress(secret, address.replace(domain, 'evil.example.com'), domain)).toBeNull();
    expect(conversationOfReplyAddress('other-secret', address, domain)).toBeNull();
    const other = randomUUID().replace(/-/g, '');
    expect(conversationOfReplyAddress(secret, address.replace(/\+[0-9a-f]{32}-/, `+${other}-`), domain)).toBeNull();
    expect(
      conversationOfReplyAddress(secret, address.replace(/-[0-9a-f]{20}@/, `-${'f'.repeat(20)}@`), domain),
    ).toBeNull();
    expect(conversationOfReplyAddress(secret, `support@${domain}`, domain)).toBeNull();
    expect(conversationOfReplyAddress(secret, 'not an address', domain)).toBeNull();
  });
});

describe('displayName', () => {
  it('reads the name a mail client puts before the address, and nothing else', () => {
    expect(displayName('"Vera  Visitor" <vera@example.test>')).toBe('Vera Visitor');
    expect(displayName('Vera Visitor <vera@example.test>')).toBe('Vera Visitor');
    expect(displayName('vera@example.test')).toBeNull();
    expect(displayName('<vera@example.test>')).toBeNull();
    expect(displayName('"vera@example.test" <vera@example.test>')).toBeNull();
  });
});
