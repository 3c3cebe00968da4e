import type { Message } from '@flowdesk/contract';

/** An AI answer being written: the whole text so far. */
export interface LiveStream {
  id: string;
  text: string;
}

/** Stream ids remembered as finished (their late frames are ignored). */
const FINISHED_KEPT = 32;

/**
 * What the bot is doing between its stored messages, for one conversation, as the widget and the inbox
 * show it: `working` (it waits for an HTTP call or an AI answer) and `stream` (an AI answer being written).
 *
 * Sources disagree in time: a send's answer, a history page and a socket frame each tell the state as of
 * some seq, and may arrive in any order. A state older than what is known is ignored. A bot (or agent)
 * message newer than the known state means the bot spoke, so it is not known to be working any more
 * until a state says so again (the runtime sends one right after the messages of a step). The stream
 * ends when a bot message newer than the stream's start arrives (the stored answer replaces it) or when
 * the bot stops working; frames of a finished stream arriving late are ignored, so it never shows twice.
 */
export class BotActivity {
  working = false;
  stream: LiveStream | null = null;
  /** Whether any source told `working` yet (the inbox detail does not): until then a stream frame is believed. */
  private known = false;
  /** The seq as of which `working` is known. */
  private knownAt = 0;
  /** The last seq seen when the current stream started. */
  private streamFrom = 0;
  private readonly finished: string[] = [];

  /** The runtime's word on the conversation as of `lastSeq`. Returns whether anything visible changed. */
  state(working: boolean | undefined, lastSeq: number): boolean {
    if (working === undefined || lastSeq < this.knownAt) return false;
    const before = this.snapshot();
    this.known = true;
    this.knownAt = lastSeq;
    this.working = working;
    if (!working) this.endStream();
    return this.snapshot() !== before;
  }

  /** Stored messages arrived (any order, duplicates allowed). */
  messages(messages: readonly Message[]): boolean {
    const before = this.snapshot();
    for (const message of messages) {
      if (!spoke(message)) continue;
      if (message.seq > this.knownAt) {
        this.knownAt = message.seq;
        this.working = false;
      }
      if (this.stream && message.author === 'bot' && message.seq > this.streamFrom) this.endStream();
    }
    return this.snapshot() !== before;
  }

  /** A `stream` frame: the whole text so far of stream `id`; `lastSeq` is the newest message seq shown now. */
  streamed(id: string, text: string, lastSeq: number): boolean {
    if (this.finished.includes(id)) return false;
    // The bot said it stopped: a frame sent before that (a late one) must not bring the stream back.
    if (this.known && !this.working) return false;
    const before = this.snapshot();
    if (this.stream?.id !== id) {
      if (this.stream) this.endStream();
      this.streamFrom = lastSeq;
    }
    this.stream = { id, text };
    this.working = true;
    return this.snapshot() !== before;
  }

  /** Another conversation: nothing carries over. */
  reset(): void {
    this.working = false;
    this.stream = null;
    this.known = false;
    this.knownAt = 0;
    this.streamFrom = 0;
    this.finished.length = 0;
  }

  private endStream(): void {
    if (!this.stream) return;
    this.finished.push(this.stream.id);
    if (this.finished.length > FINISHED_KEPT) this.finished.shift();
    this.stream = null;
  }

  private snapshot(): string {
    return JSON.stringify([this.working, this.stream]);
  }
}

/** A message in which the bot or a person said something to the visitor (not a timeline event or a private note). */
function spoke(message: Message): boolean {
  const { author, content } = message;
  return (author === 'bot' || author === 'agent') && content.type !== 'event' && content.type !== 'note';
}
