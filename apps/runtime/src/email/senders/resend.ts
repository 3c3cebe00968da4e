import { Resend } from 'resend';
import type { EmailSender, OutgoingEmail, SendResult } from './sender';

export interface ResendSenderOptions {
  apiKey: string;
  /** Defaults to Resend's API; tests point it at a loopback fake. */
  baseUrl?: string;
  /** An attempt that takes longer is abandoned and retried later with the same idempotency key. */
  timeoutMs?: number;
}

/** Resend statuses worth retrying besides 5xx: rate limits and a concurrent request on the same key. */
const RETRYABLE_4XX = new Set([408, 409, 429]);

export function isRetryableStatus(status: number | null): boolean {
  return status === null || status >= 500 || RETRYABLE_4XX.has(status);
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
        return {
          ok: false,
          retryable: isRetryableStatus(status),
          error: `${status ?? 'network'} ${error.name}: ${error.message}`,
        };
      }
      if (!data?.id) return { ok: false, retryable: true, error: 'Resend answered without an email id' };
      return { ok: true, providerId: data.id };
    },
  };
}
