import {
  MailAnswer,
  MailboxAnswer,
  MailboxQuery,
  OutboxAnswer,
  OutboxEmailAnswer,
  OutboxQuery,
} from '@flowdesk/contract';
import { createRouter } from '../http/env';
import { conflict, notFound } from '../http/errors';
import { requireAdmin } from '../http/middleware/auth';
import { adminErrors, errorsOf, IdParam, jsonResponse, routesUnder, takes } from '../http/schemas';
import type { Services } from '../services';
import { EMAIL_API_PREFIX } from './compose';
import { emailDb, type MailboxRow, type OutboxRow } from './tables';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toSummary = (row: MailboxRow) => ({
  id: row.id,
  from: row.from_address,
  to: row.to_address,
  subject: row.subject,
  text: row.text,
  createdAt: row.created_at.toISOString(),
  readAt: iso(row.read_at),
});
const toOutbox = (row: OutboxRow) => ({
  id: row.id,
  kind: row.kind,
  to: row.to_address,
  subject: row.subject,
  status: row.status,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at.toISOString(),
  createdAt: row.created_at.toISOString(),
  sentAt: iso(row.sent_at),
  providerId: row.provider_id,
  conversationId: row.conversation_id,
});

const route = routesUnder(EMAIL_API_PREFIX, 'Email');
const mailboxList = route('get', '/mailbox', takes({ query: MailboxQuery }), {
  summary: 'Local mailbox: emails delivered without RESEND_API_KEY (admin)',
  responses: { 200: jsonResponse(MailboxAnswer, 'Newest first'), ...adminErrors },
});
const mailboxOne = route('get', '/mailbox/{id}', takes({ params: IdParam }), {
  summary: 'One local email with its HTML; marks it read (admin)',
  responses: { 200: jsonResponse(MailAnswer, 'The email'), ...errorsOf(401, 403, 404) },
});
const outboxList = route('get', '/outbox', takes({ query: OutboxQuery }), {
  summary: 'Outbox with delivery status, attempts and last error (admin)',
  responses: { 200: jsonResponse(OutboxAnswer, 'Newest first'), ...adminErrors },
});
const outboxRetry = route('post', '/outbox/{id}/retry', takes({ params: IdParam }), {
  summary: 'Send a failed email again, with the same idempotency key (admin)',
  responses: { 200: jsonResponse(OutboxEmailAnswer, 'Queued again'), ...errorsOf(401, 403, 404, 409) },
});

/** Admin views of the local mailbox and the outbox, scoped to the admin's workspace. */
export function mailboxRoutes(services: Services) {
  const router = createRouter();
  const mail = emailDb(services.db);

  router.openapi(mailboxList, async (c) => {
    const user = requireAdmin(c);
    const { limit, before } = c.req.valid('query');
    let query = mail.selectFrom('mailbox').selectAll().where('workspace_id', '=', user.workspaceId);
    if (before) query = query.where('created_at', '<', new Date(before));
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return c.json({ messages: rows.map(toSummary) }, 200);
  });

  router.openapi(mailboxOne, async (c) => {
    const user = requireAdmin(c);
    const row = await mail
      .updateTable('mailbox')
      .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
      .where('id', '=', c.req.valid('param').id)
      .where('workspace_id', '=', user.workspaceId)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound('Email');
    return c.json({ message: { ...toSummary(row), html: row.html } }, 200);
  });

  router.openapi(outboxList, async (c) => {
    const user = requireAdmin(c);
    const { limit, before, status } = c.req.valid('query');
    let query = mail.selectFrom('email_outbox').selectAll().where('workspace_id', '=', user.workspaceId);
    if (status) query = query.where('status', '=', status);
    if (before) query = query.where('created_at', '<', new Date(before));
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
    return c.json({ emails: rows.map(toOutbox) }, 200);
  });

  router.openapi(outboxRetry, async (c) => {
    const user = requireAdmin(c);
    const { id } = c.req.valid('param');
    const row = await mail
      .updateTable('email_outbox')
      .set({ status: 'pending', attempts: 0, next_attempt_at: new Date(), last_error: null })
      .where('id', '=', id)
      .where('workspace_id', '=', user.workspaceId)
      .where('status', '=', 'failed')
      .returningAll()
      .executeTakeFirst();
    if (row) return c.json({ email: toOutbox(row) }, 200);
    const exists = await mail
      .selectFrom('email_outbox')
      .select('status')
      .where('id', '=', id)
      .where('workspace_id', '=', user.workspaceId)
      .executeTakeFirst();
    if (!exists) throw notFound('Email');
    throw conflict(`Only failed emails can be retried; this one is ${exists.status}`);
  });
  return router;
}
