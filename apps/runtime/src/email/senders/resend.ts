import { Resend } from 'resend';
import type { EmailSender, OutgoingEmail, SendResult } from './sender';

export interface ResendSenderOptions {
  apiKey: string;
  /** Defaults to Resend's API; tests point it at a loopback fake. */
  baseUrl?: string;
  /** An attempt that takes longer is abandoned and retried later with the same idempotency key. */
  timeoutMs?: number;
}

/** Worth another attempt: network errors and timeouts (no status), 5xx, 408, rate limits, and a
 * request still running on the same idempotency key. */
export function isRetryable(status: number | null, name?: string): boolean {
  if (status === null || status >= 500 || status === 408 || status === 429) return true;
  return status === 409 && name === 'concurrent_idempotent_requests';
}

/** Sends through the `resend` SDK, which never throws: errors come back in `{ error }`. */
export function createResendSender({ apiKey, baseUrl, timeoutMs = 10_000 }: ResendSenderOptions): EmailSender {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: 'resend',
    async send(email: OutgoingEmail): Promise<SendResult> {
      const { data, error } = await resend.emails.send(
        {
          from: email.from,
          to: [email.to],
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers: email.headers,
        },
        { idempotencyKey: email.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (error) {
        const status = error.statusCode ?? null;
        // The key was used before with another body (a row rendered by an older build between attempts):
        // Resend accepted an email under this key, so it went out. Settled as sent; retrying cannot succeed.
        if (status === 409 && error.name === 'invalid_idempotent_request')
          return { ok: true, providerId: `idempotency-key:${email.idempotencyKey}` };
        return {
          ok: false,
          retryable: isRetryable(status, error.name),
          error: `${status ?? 'network'} ${error.name}: ${error.message}`,
        };
      }
      if (!data?.id) return { ok: false, retryable: true, error: 'Resend answered without an email id' };
      return { ok: true, providerId: data.id };
    },
  };
}
