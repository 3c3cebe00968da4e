import type { ServerFrame } from '@flowdesk/contract';
import { UNAUTHORIZED_EVENT } from '../api/api';
import { type AlertContext, alertFor, type KnownConversation, mentionAlertText } from './alerts';
import { type FilterCounts, inboxApi } from './inbox-api';
import { dashboardSocketUrl, InboxSocket } from './inbox-socket';
import { playChime, showNotification } from './notify';

type Listener = () => void;

/**
 * The signed-in agent's live view of the inbox, shared by the nav badge and the inbox pages: one socket,
 * the filter counts, the known state of each conversation (for alerts), and a change signal.
 */
class InboxLive {
  socket: InboxSocket | null = null;
  counts: FilterCounts | null = null;
  connected = false;
  /** Bumped on every conversation change, so lists know to reload. */
  version = 0;
  private userId = '';
  /** The status the agent chose; sent again on every (re)connect, since the server sets offline when sockets go. */
  private chosen: 'online' | 'away' = 'online';
  private readonly known = new Map<string, KnownConversation>();
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
    this.counts = null;
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

  setCounts(counts: FilterCounts) {
    this.counts = counts;
    this.emit();
  }

  private onFrame(frame: ServerFrame) {
    if (frame.type === 'mention') return this.onMentionFrame(frame);
    if (frame.type !== 'conversation') return;
    const next = frame.conversation;
    const context: AlertContext = { userId: this.userId, watching: document.hasFocus() ? this.watching : null };
    const alert = alertFor(this.known.get(next.id), next, context);
    this.known.set(next.id, { status: next.status, lastSeq: next.lastSeq, assigneeId: next.assigneeId });
    if (alert) {
      const title = alert.kind === 'handoff' ? 'A conversation needs an agent' : 'New message in your conversation';
      showNotification(title, next.id);
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
        ({ counts }) => this.setCounts(counts),
        () => undefined,
      );
    }, ms);
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }
}

export const inboxLive = new InboxLive();
