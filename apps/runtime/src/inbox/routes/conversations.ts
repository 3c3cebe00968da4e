import {
  AssignAnswer,
  AssignInput,
  ConversationDetail,
  DetailQuery,
  HandBackAnswer,
  HandBackInput,
  InboxCounts,
  InboxList,
  InboxListQuery,
  NoteAnswer,
  NoteInput,
  OkAnswer,
  PriorityAnswer,
  PriorityInput,
  ReadInput,
  ReopenInput,
  ReopenResponse,
  ReplyAnswer,
  ReplyInput,
  SuggestReplyAnswer,
  SummaryAnswer,
} from '@flowdesk/contract';
import type { Context } from 'hono';
import { answeredBy } from '../../ai';
import { type AppEnv, createRouter } from '../../http/env';
import { requireUser } from '../../http/middleware/auth';
import type { Services } from '../../services';
import { accessibleConversation } from '../access';
import { addNote, reply } from '../agent-messages';
import { assign, setPriority } from '../assignment';
import { handBack, resolve, takeOver } from '../control';
import { flowKnowledge } from '../copilot-knowledge';
import { conversationDetail } from '../detail';
import { filterCounts, listConversations } from '../list';
import { markReadAndTell, unreadConversations } from '../read-state';
import { reopenConversation } from '../reopen';
import { summarizeHandoff, transcriptOf } from '../summary';
import { conversationReach } from '../visitor-reach';
import { routesOn } from './define';
import { idParam, viewerOf } from './request';

/** The agents' conversation API: list, detail, reply, notes, take over, hand back, resolve, priority, assignment. */
export function conversationRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  router.use('/api/inbox/*', requireUser(services));
  const route = routesOn(router, '/api/inbox', 'Inbox');
  /** A handler that does `action` to the conversation as the agent, then answers `{ ok: true }`. */
  const answerOk = (action: typeof takeOver | typeof resolve) => async (c: Context<AppEnv>) => {
    await action(services, await viewerOf(c, services), idParam(c));
    return { ok: true as const };
  };

  route(
    'get',
    '/conversations',
    { summary: 'Conversations I may see, by filter and search', query: InboxListQuery, response: InboxList },
    async (c, { query }) => {
      const who = await viewerOf(c, services);
      const [conversations, counts, unread] = await Promise.all([
        listConversations(db, who, query),
        filterCounts(db, who),
        unreadConversations(db, who),
      ]);
      return { conversations, counts, unread, filter: query.filter };
    },
  );

  route('get', '/counts', { summary: 'How many conversations each filter holds', response: InboxCounts }, async (c) => {
    const who = await viewerOf(c, services);
    const [counts, unread] = await Promise.all([filterCounts(db, who), unreadConversations(db, who)]);
    return { counts, unread };
  });

  route(
    'get',
    '/conversations/:id',
    {
      summary: 'Transcript (with notes and timeline), visitor, routing, summary',
      query: DetailQuery,
      response: ConversationDetail,
    },
    async (c, { query }) => conversationDetail(services, await viewerOf(c, services), idParam(c), query),
  );

  route(
    'post',
    '/conversations/:id/messages',
    { summary: 'Reply to the visitor', body: ReplyInput, status: 201, response: ReplyAnswer },
    async (c, { body }) => ({
      message: (await reply(services, await viewerOf(c, services), idParam(c), body)).message,
      reach: await conversationReach(services, idParam(c)),
    }),
  );

  route(
    'post',
    '/conversations/:id/notes',
    {
      summary: 'Private note with @mentions (never sent to the visitor)',
      body: NoteInput,
      status: 201,
      response: NoteAnswer,
    },
    async (c, { body }) => ({
      note: { ...(await addNote(services, await viewerOf(c, services), idParam(c), body)).message, internal: true },
    }),
  );

  route(
    'post',
    '/conversations/:id/takeover',
    { summary: 'Take over from the bot or the queue', response: OkAnswer },
    answerOk(takeOver),
  );

  route(
    'post',
    '/conversations/:id/handback',
    {
      summary: 'Hand back to the bot (at a block, or after the handoff), or end the conversation',
      body: HandBackInput,
      response: HandBackAnswer,
    },
    async (c, { body }) => {
      const result = await handBack(services, await viewerOf(c, services), idParam(c), body);
      return { status: result.conversation.status, replies: result.replies.map((r) => r.message) };
    },
  );

  route(
    'post',
    '/conversations/:id/resolve',
    { summary: 'Resolve (a new visitor message reopens it)', response: OkAnswer },
    answerOk(resolve),
  );

  route(
    'post',
    '/conversations/:id/reopen',
    {
      summary: 'Reopen a resolved conversation (held by me, or back in the queue with assignToMe: false)',
      body: ReopenInput,
      response: ReopenResponse,
    },
    async (c, { body }) => reopenConversation(services, await viewerOf(c, services), idParam(c), body),
  );

  route(
    'put',
    '/conversations/:id/priority',
    { summary: 'Set or clear the priority', body: PriorityInput, response: PriorityAnswer },
    async (c, { body }) => {
      const conversation = await setPriority(services, await viewerOf(c, services), idParam(c), body);
      return { priority: conversation.priority, priorityReason: conversation.priority_reason };
    },
  );

  route(
    'put',
    '/conversations/:id/assignment',
    { summary: 'Assign to an agent and/or a team (last writer wins)', body: AssignInput, response: AssignAnswer },
    async (c, { body }) => {
      const conversation = await assign(services, await viewerOf(c, services), idParam(c), body);
      return { assigneeId: conversation.assignee_id, teamId: conversation.team_id };
    },
  );

  route(
    'post',
    '/conversations/:id/read',
    { summary: 'Mark read up to a seq (default: everything)', body: ReadInput, status: 204 },
    async (c, { body }) => {
      const who = await viewerOf(c, services);
      const conversation = await accessibleConversation(db, who, idParam(c));
      await markReadAndTell(
        services,
        who,
        conversation,
        Math.min(body.seq ?? conversation.last_seq, conversation.last_seq),
      );
    },
  );

  route(
    'post',
    '/conversations/:id/summary',
    { summary: 'Write the AI summary again', response: SummaryAnswer },
    async (c) => {
      const who = await viewerOf(c, services);
      const conversation = await accessibleConversation(db, who, idParam(c));
      await summarizeHandoff(services, conversation.id, { reason: 'takeover', blockId: null, settings: null });
      const updated = await accessibleConversation(db, who, conversation.id);
      return { summary: updated.summary, priority: updated.priority, priorityReason: updated.priority_reason };
    },
  );

  route(
    'post',
    '/conversations/:id/suggest-reply',
    { summary: 'AI draft of a reply, for the agent to edit', response: SuggestReplyAnswer },
    async (c) => {
      const conversation = await accessibleConversation(db, await viewerOf(c, services), idParam(c));
      const [transcript, knowledge] = await Promise.all([
        transcriptOf(services, conversation.id),
        flowKnowledge(services, conversation),
      ]);
      const ai = services.aiFor(conversation.workspace_id);
      const suggestion = await ai.suggestReply({ transcript, knowledge });
      // The provider that wrote this draft: `offline` when the model failed and the fallback answered.
      return { reply: suggestion.reply, provider: answeredBy(ai, suggestion) };
    },
  );

  return router;
}
