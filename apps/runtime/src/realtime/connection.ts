import { randomUUID } from 'node:crypto';
import { ClientFrame, type ServerFrame } from '@flowdesk/contract';
import type { Conversation, Visitor } from '../db/schema';
import { isDatabaseUnavailable, isRejectedValue } from '../http/errors';
import { canSee, loadViewer, type Viewer } from '../inbox/access';
import type { PublicUser } from '../people/users';
import { botIsWorking, findConversation } from '../repositories/conversations';
import { loadMessages } from '../repositories/messages';
import { mayOpen } from '../repositories/visitor-scope';
import type { Services } from '../services';
import { botHolds } from '../services/follow-up';
import type { ConversationEvent, HubEvent } from './events';
import { revoke, rightsShrank } from './revocations';
import { SeqStream } from './seq-stream';
import { TypingTracker } from './typing';

export type Identity =
  | { kind: 'visitor'; visitor: Visitor; workspaceId: string }
  | { kind: 'agent'; user: PublicUser; viewer: Viewer; sessionId: string };

/**
 * One WebSocket's session: who it is, which conversations it follows (each a gap-free SeqStream),
 * and which hub events it may see. Visitors see only their own conversations and never internal notes.
 */
export class RealtimeConnection {
  readonly id = randomUUID();
  private readonly streams = new Map<string, SeqStream>();
  /** Per-conversation hub subscriptions of a widget socket. */
  private readonly following = new Map<string, () => void>();
  /** Conversations this agent was shown (to send the update that takes one out of sight). */
  private readonly seen = new Set<string>();
  private readonly typing: TypingTracker;
  private readonly unsubscribeHub: () => void;

  constructor(
    private readonly services: Services,
    readonly identity: Identity,
    private readonly send: (frame: ServerFrame) => void,
    typingTtlMs?: number,
  ) {
    this.typing = new TypingTracker(
      (conversationId, typing) => this.announceTyping(conversationId, typing),
      typingTtlMs,
    );
    // Inbox sockets see every conversation event of their workspace; a widget socket only what it follows.
    const unsubscribeEvents =
      identity.kind === 'agent' ? services.hub.subscribe((event) => this.onHubEvent(event)) : () => {};
    // After the relay from other instances was down, read what was missed from the database.
    const unsubscribeResync = services.hub.onResync(() => {
      for (const stream of this.streams.values()) stream.replay();
    });
    this.unsubscribeHub = () => {
      unsubscribeEvents();
      unsubscribeResync();
    };
    this.send({ type: 'ready', connectionId: this.id });
  }

  get workspaceId() {
    return this.identity.kind === 'visitor' ? this.identity.workspaceId : this.identity.user.workspaceId;
  }

  private frames: Promise<void> = Promise.resolve();

  /** Tells the client a frame was not handled (e.g. over its frame budget). */
  refuse(code: string, message: string) {
    this.send({ type: 'error', code, message });
  }

  /** Handles client frames strictly in arrival order (a typing frame sees the subscribe sent before it). */
  handleText(text: string): Promise<void> {
    this.frames = this.frames
      .then(() => this.handleFrame(text))
      .catch((error) => {
        // The HTTP error handler's rules: a value the database refuses is the client's input (400 there).
        if (isRejectedValue(error))
          return this.send({
            type: 'error',
            code: 'invalid_value',
            message: 'The frame contains a value that cannot be stored (e.g. a NUL character)',
          });
        if (isDatabaseUnavailable(error))
          return this.send({
            type: 'error',
            code: 'unavailable',
            message: 'The service is temporarily unavailable, retry shortly',
          });
        this.services.logger.error({ err: error }, 'realtime frame failed');
        this.send({ type: 'error', code: 'internal', message: 'The frame could not be handled' });
      });
    return this.frames;
  }

  private async handleFrame(text: string) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return this.send({ type: 'error', code: 'invalid_frame', message: 'Frames are JSON' });
    }
    const parsed = ClientFrame.safeParse(json);
    if (!parsed.success)
      return this.send({
        type: 'error',
        code: 'invalid_frame',
        message: parsed.error.issues[0]?.message ?? 'Invalid frame',
      });
    const frame = parsed.data;
    switch (frame.type) {
      case 'ping':
        return this.send({ type: 'pong' });
      case 'subscribe':
        return this.subscribe(frame.conversationId, frame.afterSeq);
      case 'unsubscribe':
        this.streams.get(frame.conversationId)?.close();
        this.streams.delete(frame.conversationId);
        this.following.get(frame.conversationId)?.();
        this.following.delete(frame.conversationId);
        return;
      case 'typing':
        if (!this.streams.has(frame.conversationId)) {
          return this.send({ type: 'error', code: 'not_subscribed', message: 'Subscribe to the conversation first' });
        }
        return this.typing.set(frame.conversationId, frame.typing);
    }
  }

  private async subscribe(conversationId: string, afterSeq: number) {
    const conversation = await findConversation(this.services.db, conversationId);
    if (!conversation || conversation.workspace_id !== this.workspaceId) return this.notFound();
    if (this.identity.kind === 'visitor') {
      if (!mayOpen(this.identity.visitor, conversation)) return this.notFound();
    } else {
      // Team membership may have changed since the socket opened. Lost rights end every socket of the user (the
      // streams they already follow were granted under the old ones); gained rights just apply from now on.
      const viewer = await loadViewer(this.services.db, this.identity.user);
      if (rightsShrank(this.identity.viewer, viewer)) {
        const { id: userId, workspaceId } = viewer;
        return revoke(this.services, { workspaceId, userId, reason: 'rights_changed' });
      }
      this.identity.viewer = viewer;
      if (!canSee(this.identity.viewer, conversation)) {
        return this.send({
          type: 'error',
          code: 'forbidden',
          message: 'This conversation belongs to another agent or team',
        });
      }
      this.seen.add(conversationId);
    }
    this.streams.get(conversationId)?.close();
    const includeInternal = this.identity.kind === 'agent';
    const stream = new SeqStream(
      afterSeq,
      (after, limit) =>
        loadMessages(this.services.db, conversationId, { afterSeq: after, limit, includeInternal: true }),
      (stored) => {
        if (stored.internal && !includeInternal) return;
        this.send({ type: 'message', message: stored.message });
      },
      (error) => this.services.logger.error({ err: error, conversationId }, 'realtime replay failed'),
    );
    this.streams.set(conversationId, stream);
    if (this.identity.kind === 'visitor' && !this.following.has(conversationId)) {
      this.following.set(
        conversationId,
        this.services.hub.subscribeConversation(conversationId, (event) => this.onHubEvent(event)),
      );
    }
    stream.replay();
    // Where the conversation stands now (e.g. the bot working on a call), so a client that reconnects in
    // the middle does not wait for the next change to learn it.
    const { id, status, last_seq: lastSeq } = conversation;
    const agentView = this.identity.kind === 'agent';
    this.send({
      type: 'conversation',
      conversation: {
        id,
        // As in the visitor's view: while the bot finishes its offline branch the visitor talks to the bot.
        status: agentView || !botHolds(conversation) ? status : 'bot',
        lastSeq,
        working: botIsWorking(conversation),
        priority: agentView ? conversation.priority : null,
        assigneeId: agentView ? conversation.assignee_id : null,
        teamId: agentView ? conversation.team_id : null,
      },
    });
  }

  private onHubEvent(event: HubEvent) {
    if (event.workspaceId !== this.workspaceId) return;
    switch (event.kind) {
      case 'message':
        return this.streams
          .get(event.message.conversationId)
          ?.push({ message: event.message, internal: event.internal });
      case 'conversation': {
        if (this.identity.kind === 'agent') return this.agentConversationEvent(this.identity.viewer, event);
        if (!this.streams.has(event.conversation.id)) return;
        // Visitors learn the status, not how the team triages it.
        const { id, status, lastSeq, working } = event.conversation;
        return this.send({
          type: 'conversation',
          conversation: { id, status, lastSeq, working, priority: null, assigneeId: null, teamId: null },
        });
      }
      case 'stream': {
        if (!this.streams.has(event.conversationId)) return;
        const { conversationId, streamId, text } = event;
        return this.send({ type: 'stream', conversationId, streamId, text });
      }
      case 'typing': {
        if (event.sourceConnectionId === this.id || !this.streams.has(event.conversationId)) return;
        if (this.identity.kind === 'visitor' && event.author === 'visitor') return;
        const { conversationId, author, name, typing } = event;
        return this.send({ type: 'typing', conversationId, author, name, typing });
      }
      case 'presence':
        if (this.identity.kind === 'agent') this.send({ type: 'presence', userId: event.userId, status: event.status });
        return;
      case 'mention': {
        if (this.identity.kind !== 'agent' || this.identity.user.id !== event.userId) return;
        const { conversationId, authorName, visitorName, text } = event;
        return this.send({ type: 'mention', conversationId, authorName, visitorName, text });
      }
      case 'read':
        if (this.identity.kind === 'agent' && this.identity.user.id === event.userId)
          this.send({ type: 'read', conversationId: event.conversationId, seq: event.seq });
        return;
    }
  }

  private notFound() {
    this.send({ type: 'error', code: 'not_found', message: 'Conversation not found' });
  }

  /**
   * Agents hear of conversations they may see, plus one last update for a conversation that just moved
   * out of their sight (so their list drops it); its message stream then stops.
   */
  private agentConversationEvent(viewer: Viewer, event: ConversationEvent) {
    const { id, assigneeId, teamId } = event.conversation;
    const visible = canSee(viewer, {
      workspace_id: event.workspaceId,
      assignee_id: assigneeId,
      team_id: teamId,
    } as Conversation);
    if (!visible && !this.seen.has(id)) return;
    this.send({ type: 'conversation', conversation: event.conversation });
    if (visible) {
      this.seen.add(id);
      return;
    }
    this.seen.delete(id);
    this.streams.get(id)?.close();
    this.streams.delete(id);
  }

  private announceTyping(conversationId: string, typing: boolean) {
    const isVisitor = this.identity.kind === 'visitor';
    this.services.hub.publish({
      kind: 'typing',
      workspaceId: this.workspaceId,
      conversationId,
      author: isVisitor ? 'visitor' : 'agent',
      name: this.identity.kind === 'visitor' ? this.identity.visitor.name : this.identity.user.name,
      typing,
      sourceConnectionId: this.id,
    });
  }

  /** Waits for pending replays (tests). */
  async settled() {
    await Promise.all([...this.streams.values()].map((stream) => stream.settled()));
  }

  close() {
    this.typing.clear();
    this.unsubscribeHub();
    for (const unfollow of this.following.values()) unfollow();
    this.following.clear();
    for (const stream of this.streams.values()) stream.close();
    this.streams.clear();
  }
}
