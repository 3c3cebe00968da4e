import { randomUUID } from 'node:crypto';
import { ClientFrame, type ServerFrame } from '@flowdesk/contract';
import type { Visitor } from '../db/schema';
import { findConversation } from '../repositories/conversations';
import { loadMessages } from '../repositories/messages';
import type { PublicUser } from '../repositories/users';
import type { Services } from '../services';
import type { HubEvent } from './events';
import { SeqStream } from './seq-stream';
import { TypingTracker } from './typing';

export type Identity = { kind: 'visitor'; visitor: Visitor; workspaceId: string } | { kind: 'agent'; user: PublicUser };

/**
 * One WebSocket's session: who it is, which conversations it follows (each a gap-free SeqStream),
 * and which hub events it may see. Visitors see only their own conversations and never internal notes.
 */
export class RealtimeConnection {
  readonly id = randomUUID();
  private readonly streams = new Map<string, SeqStream>();
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
    this.unsubscribeHub = services.hub.subscribe((event) => this.onHubEvent(event));
    this.send({ type: 'ready', connectionId: this.id });
  }

  get workspaceId() {
    return this.identity.kind === 'visitor' ? this.identity.workspaceId : this.identity.user.workspaceId;
  }

  private frames: Promise<void> = Promise.resolve();

  /** Handles client frames strictly in arrival order (a typing frame sees the subscribe sent before it). */
  handleText(text: string): Promise<void> {
    this.frames = this.frames
      .then(() => this.handleFrame(text))
      .catch((error) => {
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
    const allowed =
      conversation &&
      (this.identity.kind === 'visitor'
        ? conversation.visitor_id === this.identity.visitor.id
        : conversation.workspace_id === this.identity.user.workspaceId);
    if (!allowed) return this.send({ type: 'error', code: 'not_found', message: 'Conversation not found' });
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
    stream.replay();
  }

  private onHubEvent(event: HubEvent) {
    if (event.workspaceId !== this.workspaceId) return;
    switch (event.kind) {
      case 'message':
        return this.streams
          .get(event.message.conversationId)
          ?.push({ message: event.message, internal: event.internal });
      case 'conversation': {
        if (this.identity.kind === 'agent')
          return this.send({ type: 'conversation', conversation: event.conversation });
        if (!this.streams.has(event.conversation.id)) return;
        // Visitors learn the status, not how the team triages it.
        const { id, status, lastSeq } = event.conversation;
        return this.send({
          type: 'conversation',
          conversation: { id, status, lastSeq, priority: null, assigneeId: null, teamId: null },
        });
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
    }
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
    for (const stream of this.streams.values()) stream.close();
    this.streams.clear();
  }
}
