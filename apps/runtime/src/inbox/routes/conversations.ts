import { z } from 'zod';
import { createRouter } from '../../http/env';
import { requireUser } from '../../http/middleware/auth';
import type { Services } from '../../services';
import { accessibleConversation } from '../access';
import { addNote, NoteInput, ReplyInput, reply } from '../agent-messages';
import { AssignInput, assign, PriorityInput, setPriority } from '../assignment';
import { HandBackInput, handBack, resolve, takeOver } from '../control';
import { conversationDetail } from '../detail';
import { filterCounts, ListQuery, listConversations } from '../list';
import { markRead } from '../list-extras';
import { summarizeHandoff, transcriptOf } from '../summary';
import { idParam, jsonBody, queryOf, viewerOf } from './request';

const base = '/api/inbox/conversations';
const ReadInput = z.object({ seq: z.number().int().nonnegative().optional() });
const DetailQuery = z.object({ afterSeq: z.coerce.number().int().nonnegative().optional() });

/** The agents' conversation API: list, detail, reply, notes, take over, hand back, resolve, priority, assignment. */
export function conversationRoutes(services: Services) {
  const router = createRouter();
  router.use('/api/inbox/*', requireUser(services));

  router.get(base, async (c) => {
    const viewer = await viewerOf(c, services);
    const query = queryOf(c, ListQuery);
    const [conversations, counts] = await Promise.all([
      listConversations(services.db, viewer, query),
      filterCounts(services.db, viewer),
    ]);
    return c.json({ conversations, counts, filter: query.filter });
  });

  router.get('/api/inbox/counts', async (c) =>
    c.json({ counts: await filterCounts(services.db, await viewerOf(c, services)) }),
  );

  router.get(`${base}/:id`, async (c) =>
    c.json(await conversationDetail(services, await viewerOf(c, services), idParam(c), queryOf(c, DetailQuery))),
  );

  router.post(`${base}/:id/messages`, async (c) => {
    const message = await reply(services, await viewerOf(c, services), idParam(c), await jsonBody(c, ReplyInput));
    return c.json({ message: message.message }, 201);
  });

  router.post(`${base}/:id/notes`, async (c) => {
    const note = await addNote(services, await viewerOf(c, services), idParam(c), await jsonBody(c, NoteInput));
    return c.json({ note: { ...note.message, internal: true } }, 201);
  });

  router.post(`${base}/:id/takeover`, async (c) => {
    await takeOver(services, await viewerOf(c, services), idParam(c));
    return c.json({ ok: true });
  });

  router.post(`${base}/:id/handback`, async (c) => {
    const result = await handBack(services, await viewerOf(c, services), idParam(c), await jsonBody(c, HandBackInput));
    return c.json({ status: result.conversation.status, replies: result.replies.map((r) => r.message) });
  });

  router.post(`${base}/:id/resolve`, async (c) => {
    await resolve(services, await viewerOf(c, services), idParam(c));
    return c.json({ ok: true });
  });

  router.put(`${base}/:id/priority`, async (c) => {
    const conversation = await setPriority(
      services,
      await viewerOf(c, services),
      idParam(c),
      await jsonBody(c, PriorityInput),
    );
    return c.json({ priority: conversation.priority, priorityReason: conversation.priority_reason });
  });

  router.put(`${base}/:id/assignment`, async (c) => {
    const conversation = await assign(
      services,
      await viewerOf(c, services),
      idParam(c),
      await jsonBody(c, AssignInput),
    );
    return c.json({ assigneeId: conversation.assignee_id, teamId: conversation.team_id });
  });

  router.post(`${base}/:id/read`, async (c) => {
    const viewer = await viewerOf(c, services);
    const conversation = await accessibleConversation(services.db, viewer, idParam(c));
    const { seq } = await jsonBody(c, ReadInput);
    await markRead(
      services.db,
      conversation.id,
      viewer.id,
      Math.min(seq ?? conversation.last_seq, conversation.last_seq),
    );
    return c.body(null, 204);
  });

  router.post(`${base}/:id/summary`, async (c) => {
    const conversation = await accessibleConversation(services.db, await viewerOf(c, services), idParam(c));
    await summarizeHandoff(services, conversation.id, { reason: 'takeover', blockId: null, settings: null });
    const updated = await accessibleConversation(services.db, await viewerOf(c, services), conversation.id);
    return c.json({ summary: updated.summary, priority: updated.priority, priorityReason: updated.priority_reason });
  });

  router.post(`${base}/:id/suggest-reply`, async (c) => {
    const conversation = await accessibleConversation(services.db, await viewerOf(c, services), idParam(c));
    const suggestion = await services.ai.suggestReply({ transcript: await transcriptOf(services, conversation.id) });
    return c.json({ reply: suggestion.reply, provider: services.ai.name });
  });

  return router;
}
