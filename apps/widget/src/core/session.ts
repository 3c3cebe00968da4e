import type {
  Message,
  ServerFrame,
  StartSessionResponse,
  VisitorConversation,
  WidgetSettings,
} from '@flowdesk/contract';
import type { Variables, VisitorIdentity } from '../types';
import { ApiFailure } from './api-client';
import { BotActivity } from './bot-activity';
import { changesStatus, nextAwaiting, statusTransition } from './conversation-events';
import { GapCheck } from './gap-check';
import { newClientId } from './ids';
import { Outbox, type OutboxItem, type SendContent, type SendOutcome } from './outbox';
import type { Saved, SessionDeps } from './session-deps';
import { RealtimeSocket } from './socket';
import { readJson, writeJson } from './store';
import { Timeline } from './timeline';
import { LocalTyping, RemoteTyping, type RemoteTypist } from './typing';

export type { SessionDeps, SessionEvents } from './session-deps';

/** One visitor's conversation with a bot: session, history, realtime, outbox, typing. No DOM. */
export class ChatSession {
  readonly timeline = new Timeline();
  settings: WidgetSettings | null = null;
  conversation: VisitorConversation | null = null;
  connected = false;
  /** The realtime link dropped (or never came up); false during the first connect. */
  connectionLost = false;
  failed: ApiFailure | null = null;
  typist: RemoteTypist | null = null;
  /** History is loaded; until then the log is marked busy so screen readers do not read it all out. */
  ready = false;
  /** The bot waits for an HTTP call or an AI answer (`working`), and the answer being written (`stream`). */
  readonly activity = new BotActivity();
  private readonly outbox: Outbox;
  private readonly socket: RealtimeSocket;
  private readonly remoteTyping = new RemoteTyping((t) => {
    this.typist = t;
    this.deps.events.changed();
  });
  readonly localTyping = new LocalTyping((typing) => this.sendTyping(typing));
  private readonly gaps = new GapCheck(this.timeline, (after) => void this.catchUp(after).catch(() => {}));
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private readonly key: string;

  constructor(private readonly deps: SessionDeps) {
    this.key = `flowdesk:${deps.botId}`;
    this.outbox = new Outbox(deps.store, `${this.key}:outbox`);
    this.socket = new RealtimeSocket({
      url: () => deps.wsUrl(this.saved().visitorToken ?? ''),
      subscription: () =>
        this.conversation ? { conversationId: this.conversation.id, afterSeq: this.timeline.syncedSeq } : null,
      onFrame: (frame) => this.onFrame(frame),
      onConnected: (connected) => {
        this.connected = connected;
        this.connectionLost = !connected;
        this.poll(!connected);
        if (connected) void this.flush();
        deps.events.changed();
      },
    });
  }

  get token(): string | null {
    return this.saved().visitorToken ?? null;
  }

  /** Resumes this browser's visitor (token in localStorage) or creates one, then goes live. */
  async start(variables: Variables, visitor: VisitorIdentity): Promise<void> {
    const request = {
      variables,
      visitor: Object.keys(visitor).length ? visitor : undefined,
      pageUrl: location.href.slice(0, 2000),
      locale: navigator.language,
    };
    await this.continueFromLink();
    let response: StartSessionResponse;
    try {
      response = await this.deps.api.startSession({ ...request, visitorToken: this.token ?? undefined });
    } catch (error) {
      // A token the runtime no longer knows (database reset, other bot): start afresh.
      if (!(error instanceof ApiFailure) || !this.token || error.retryable) throw error;
      response = await this.deps.api.startSession(request);
    }
    this.settings = response.settings;
    this.save({ visitorToken: response.visitorToken, conversationId: response.conversation.id });
    this.applyConversation(response.conversation);
    this.restorePending();
    await this.catchUp();
    this.ready = true;
    this.deps.events.changed();
    this.socket.start();
    this.poll(true);
    addEventListener('online', this.onOnline);
    void this.flush();
  }

  /** Takes over the conversation an email's link names; a stale or broken link leaves this browser's own. */
  private async continueFromLink(): Promise<void> {
    const token = this.deps.continueToken;
    if (!token) return;
    try {
      const { visitorToken, conversationId } = await this.deps.api.continueConversation(token);
      this.save({ visitorToken, conversationId });
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.retryable) throw error;
    }
    this.deps.continueToken = undefined;
  }

  send(content: SendContent): void {
    if (!this.conversation) return;
    const item: OutboxItem = {
      clientId: newClientId(),
      conversationId: this.conversation.id,
      content,
      createdAt: new Date().toISOString(),
    };
    this.outbox.add(item);
    this.timeline.addPending(item);
    this.localTyping.stop();
    this.conversation = { ...this.conversation, awaiting: null };
    this.deps.events.changed();
    void this.flush();
  }

  /** Reads everything after a seq (the last this tab has in full), page by page, and the conversation's state. */
  async catchUp(after = this.timeline.syncedSeq): Promise<void> {
    const conversation = this.conversation;
    if (!conversation) return;
    for (let from = after; ; ) {
      const page = await this.deps.api.messagesAfter(conversation.id, from);
      if (this.conversation?.id !== conversation.id) return;
      this.receive(page.messages, true);
      this.applyConversation(page.conversation);
      if (page.messages.length < 200) return;
      from = Math.max(from, ...page.messages.map((m) => m.seq));
    }
  }

  async submitContact(email: string, name?: string): Promise<void> {
    if (!this.conversation) return;
    await this.deps.api.contact(this.conversation.id, { email, name: name || undefined });
    await this.catchUp().catch(() => {});
  }

  /** The rating of a resolved conversation's current resolution (see ui/csat-prompt). */
  csat(conversationId: string) {
    const { api } = this.deps;
    return {
      state: () => api.csat(conversationId),
      rate: (score: number) => api.rate(conversationId, { score }),
      comment: (comment: string) => api.csatComment(conversationId, { comment }),
    };
  }

  /** After a resolved conversation: a new one for the same visitor. */
  async startNew(): Promise<void> {
    const { conversation } = await this.deps.api.newConversation();
    if (this.conversation) this.socket.send({ type: 'unsubscribe', conversationId: this.conversation.id });
    this.save({ ...this.saved(), conversationId: conversation.id });
    this.applyConversation(conversation);
    await this.catchUp();
    this.socket.subscribe();
  }

  /** Another tab started a new conversation for this visitor: follow it. */
  followOtherTab(): void {
    const id = this.saved().conversationId;
    if (id && this.conversation && id !== this.conversation.id) void this.resume();
  }

  private async resume(): Promise<void> {
    const page = await this.deps.api.messagesAfter(this.saved().conversationId ?? '', 0).catch(() => null);
    if (!page) return;
    this.applyConversation(page.conversation);
    this.receive(page.messages, true);
    await this.catchUp().catch(() => {});
    this.socket.subscribe();
  }

  async update(body: { visitor?: VisitorIdentity; variables?: Variables }): Promise<void> {
    await this.deps.api.updateVisitor(body);
  }

  destroy(): void {
    this.localTyping.stop();
    this.socket.stop();
    this.gaps.reset();
    clearTimeout(this.retryTimer);
    this.poll(false);
    removeEventListener('online', this.onOnline);
    this.remoteTyping.clear();
  }

  private readonly onOnline = () => void this.flush();

  /** Without a realtime link (proxies that block WebSockets, runtime restarting) history is polled by seq. */
  private poll(on: boolean): void {
    clearInterval(this.pollTimer);
    this.pollTimer = on
      ? setInterval(() => {
          if (!this.connected) void this.catchUp().catch(() => {});
        }, 4000)
      : undefined;
  }

  private async flush(): Promise<void> {
    clearTimeout(this.retryTimer);
    const result = await this.outbox.flush((item) => this.deliver(item));
    for (const clientId of result.rejected) this.timeline.markFailed(clientId);
    if (result.rejected.length) this.deps.events.changed();
    if (result.stalled) this.retryTimer = setTimeout(() => void this.flush(), this.connected ? 3000 : 10_000);
  }

  private async deliver(item: OutboxItem): Promise<SendOutcome> {
    try {
      const res = await this.deps.api.sendMessage(item.conversationId, {
        clientId: item.clientId,
        content: item.content,
      });
      if (res.conversation.id === this.conversation?.id) {
        this.receive([res.message, ...res.replies]);
        this.applyConversation(res.conversation);
      }
      return 'sent';
    } catch (error) {
      return error instanceof ApiFailure && !error.retryable ? 'rejected' : 'retry';
    } finally {
      this.deps.events.changed();
    }
  }

  private onFrame(frame: ServerFrame): void {
    const id = this.conversation?.id;
    if (frame.type === 'message' && frame.message.conversationId === id) {
      this.receive([frame.message], true);
    } else if (frame.type === 'typing' && frame.conversationId === id && frame.author !== 'visitor') {
      this.remoteTyping.update({ author: frame.author, name: frame.name }, frame.typing);
    } else if (frame.type === 'conversation' && frame.conversation.id === id) {
      if (this.activity.state(frame.conversation.working, frame.conversation.lastSeq)) this.deps.events.changed();
      if (frame.conversation.status !== this.conversation?.status) void this.catchUp().catch(() => {});
      else this.gaps.seen(frame.conversation.lastSeq);
    } else if (frame.type === 'stream' && frame.conversationId === id) {
      if (this.activity.streamed(frame.streamId, frame.text, this.timeline.lastSeq)) this.deps.events.changed();
    }
  }

  /** `complete`: from a catch-up page or the socket's stream, not a send's answer. */
  private receive(messages: Message[], complete = false): void {
    const added = this.timeline.add(messages, complete);
    if (!added.length || !this.conversation) return;
    this.activity.messages(added);
    if (added.some((m) => m.author !== 'visitor')) this.remoteTyping.clear();
    this.conversation = { ...this.conversation, awaiting: nextAwaiting(this.conversation.awaiting, added) };
    this.deps.events.added(added);
    this.deps.events.changed();
    if (added.some(changesStatus)) void this.catchUp().catch(() => {});
  }

  private applyConversation(next: VisitorConversation): void {
    const before = this.conversation?.id === next.id ? this.conversation.status : undefined;
    if (this.conversation && this.conversation.id !== next.id) {
      this.timeline.clear();
      this.gaps.reset();
      this.activity.reset();
    }
    this.conversation = next;
    this.activity.state(next.working, next.lastSeq);
    const kind = statusTransition(before, next.status);
    if (kind) this.deps.events.transition(kind, next);
    this.deps.events.changed();
  }

  /** Messages typed before a reload that are still waiting show as pending again. */
  private restorePending(): void {
    for (const item of this.outbox.list()) {
      if (item.conversationId === this.conversation?.id) this.timeline.addPending(item);
    }
  }

  private sendTyping(typing: boolean): void {
    if (this.conversation) this.socket.send({ type: 'typing', conversationId: this.conversation.id, typing });
  }

  private saved(): Saved {
    return readJson<Saved>(this.deps.store, this.key, {});
  }

  private save(saved: Saved): void {
    writeJson(this.deps.store, this.key, saved);
  }
}
