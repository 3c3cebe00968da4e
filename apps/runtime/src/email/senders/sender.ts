/** One email ready for a provider; `idempotencyKey` is the same on every attempt for this outbox row. */
export interface OutgoingEmail {
  outboxId: string;
  workspaceId: string | null;
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  idempotencyKey: string;
}

export type SendResult =
  | { ok: true; providerId: string }
  /** `retryable`: 5xx, 429, timeouts, network errors — worth another attempt later. */
  | { ok: false; retryable: boolean; error: string };

export interface EmailSender {
  readonly name: 'resend' | 'local';
  send(email: OutgoingEmail): Promise<SendResult>;
}
