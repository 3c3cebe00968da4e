import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { emailDb } from '../tables';
import type { EmailSender, OutgoingEmail, SendResult } from './sender';

/**
 * The embedded default without RESEND_API_KEY: delivers into the `mailbox` table that admins read in the
 * dashboard. One mailbox row per outbox row, so a retried send never shows twice (like Resend's idempotency).
 */
export function createLocalMailboxSender(db: Kysely<Database>): EmailSender {
  return {
    name: 'local',
    async send(email: OutgoingEmail): Promise<SendResult> {
      const mail = emailDb(db);
      await mail
        .insertInto('mailbox')
        .values({
          id: randomUUID(),
          outbox_id: email.outboxId,
          workspace_id: email.workspaceId,
          from_address: email.from,
          to_address: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
        })
        .onConflict((oc) => oc.column('outbox_id').doNothing())
        .execute();
      const row = await mail
        .selectFrom('mailbox')
        .select('id')
        .where('outbox_id', '=', email.outboxId)
        .executeTakeFirstOrThrow();
      return { ok: true, providerId: `local:${row.id}` };
    },
  };
}
