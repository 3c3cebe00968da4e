import type { ServerFrame } from '@flowdesk/contract';
import { UNAUTHORIZED_EVENT } from '../api/api';
import { setTabUnread } from '../app/tab-badge';
import { type AlertContext, alertFor, type KnownConversation, mentionAlertText } from './alerts';
import { type FilterCounts, inboxApi, type Presence } from './inbox-api';
import { dashboardSocketUrl, InboxSocket } from './inbox-socket';
import { alertNotification, playChime, showNotification } from './notify';

type Listener = () => void;

/**
 * The signed-in agent's live view of the inbox, shared by the nav badge and the inbox pages: one socket,
 * the filter counts, the known state of each conversation (for alerts), and a change signal.
 */
class InboxLive {
  socket: InboxSocket | null = null;
  counts: FilterCounts | null = null;
  /** Open conversations waiting on me with unread visitor messages (tab title and favicon). */
  unread = 0;
  /** Conversation ids in the order the list shows them (j / k move through it). */
  order: string[] = [];
  connected = false;
  /** Bumped on every conversation change, so lists know to reload. */
  version = 0;
  /** Bumped when only what is drawn changes (read state, presence): a re-render, no reload. */
  tick = 0;
  private userId = '';
  /** The status the agent chose; sent again on every (re)connect, since the server sets offline when sockets go. */
  private chosen: 'online' | 'away' = 'online';
  /** What the socket last said of each conversation. */
  readonly known = new Map<string, KnownConversation>();
  /** How far I read each conversation, as I read it here or on another dashboard (badges clear at once). */
  private readonly readUpTo = new Map<string, number>();
  /** Teammates' presence as the socket reports it (fresher than any loaded list). */
  private readonly presence = new Map<string, Presence>();
  private readonly listeners = new Set<Listener>();
  private readonly mentionListeners = new Set<(text: string, conversationId: string) => void>();
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  watching: string | null = null;

  /**
   * Connects for this user; an agent who was offline comes online (one who chose away stays away), also
   * after a reconnect (the server marks agents offline when their last socket closes).
   */
  start(userId: string, presence: string | undefined) {
    if (this.socket && this.userId === userId) return;
    this.stop();
    this.userId = userId;
    this.chosen = presence === 'away' ? 'away' : 'online';
    this.socket = new InboxSocket(dashboardSocketUrl(), {
      // The session ended elsewhere (logout in another tab, password set, user removed): back to sign-in.
      onSessionEnded: () => window.dispatchEvent(new Event(UNAUTHORIZED_EVENT)),
    });
    this.socket.onStatus((connected) => {
      this.connected = connected;
      if (connected) {
        this.scheduleRefresh(0);
        void inboxApi.setPresence(this.chosen).catch(() => undefined);
      }
      this.emit();
    });
    this.socket.onFrame((frame) => this.onFrame(frame));
  }

  /** The agent picked a status (the caller saves it); remembered for reconnects. */
  choosePresence(presence: 'online' | 'away') {
    this.chosen = presence;
  }

  stop() {
    this.socket?.close();
    this.socket = null;
    this.known.clear();
    this.readUpTo.clear();
    this.presence.clear();
    this.counts = null;
    this.unread = 0;
    setTabUnread(0);
  }

  /** I read `id` up to `seq` on this dashboard: its badge clears now, before the server answers. */
  markedRead(id: string, seq: number) {
    if ((this.readUpTo.get(id) ?? 0) >= seq) return;
    this.readUpTo.set(id, seq);
    this.tick += 1;
    this.emit();
  }

  /** The unread count to show for a listed conversation (0 once I read up to its last message). */
  unreadOf(row: { id: string; lastSeq: number; unread: number }): number {
    return (this.readUpTo.get(row.id) ?? 0) >= row.lastSeq ? 0 : row.unread;
  }

  /** A teammate's presence: live from the socket, else what the page loaded. */
  presenceOf(userId: string, loaded: Presence): Presence {
    return this.presence.get(userId) ?? loaded;
  }

  subscribe(listener: Listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Rows from a list load teach us the current state (so only real changes alert). */
  remember(rows: Array<{ id: string } & KnownConversation>) {
    for (const row of rows)
      this.known.set(row.id, { status: row.status, lastSeq: row.lastSeq, assigneeId: row.assigneeId });
  }

  /** Hears "X mentioned you in …" alerts (the dashboard shows them as toasts). */
  onMention(listener: (text: string, conversationId: string) => void) {
    this.mentionListeners.add(listener);
    return () => {
      this.mentionListeners.delete(listener);
    };
  }

  setCounts(counts: FilterCounts, unread: number) {
    this.counts = counts;
    this.unread = unread;
    setTabUnread(unread);
    this.emit();
  }

  private onFrame(frame: ServerFrame) {
    if (frame.type === 'mention') return this.onMentionFrame(frame);
    if (frame.type === 'presence') {
      this.presence.set(frame.userId, frame.status);
      this.tick += 1;
      return this.emit();
    }
    if (frame.type === 'read') {
      this.markedRead(frame.conversationId, frame.seq);
      return this.scheduleRefresh(0);
    }
    if (frame.type !== 'conversation') return;
    const next = frame.conversation;
    const context: AlertContext = { userId: this.userId, watching: document.hasFocus() ? this.watching : null };
    const alert = alertFor(this.known.get(next.id), next, context);
    this.known.set(next.id, { status: next.status, lastSeq: next.lastSeq, assigneeId: next.assigneeId });
    if (alert) {
      void alertNotification(alert.kind, next.id, next.lastSeq).then(
        (notice) => showNotification(notice.title, next.id, notice.body),
        () => showNotification('A conversation needs you', next.id),
      );
      playChime();
    }
    this.version += 1;
    this.scheduleRefresh(250);
    this.emit();
  }

  private onMentionFrame(frame: Extract<ServerFrame, { type: 'mention' }>) {
    const text = mentionAlertText(frame);
    showNotification(text, frame.conversationId, frame.text);
    playChime();
    for (const listener of this.mentionListeners) listener(text, frame.conversationId);
  }

  private scheduleRefresh(ms: number) {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      inboxApi.counts().then(
        ({ counts, unread }) => this.setCounts(counts, unread),
        () => undefined,
      );
    }, ms);
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}

export const inboxLive = new InboxLive();
