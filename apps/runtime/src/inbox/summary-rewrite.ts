import type { Conversation } from '../db/schema';
import type { Services } from '../services';
import type { AfterVisitorMessageHook, ContactCapturedHook } from '../services/hooks';
import { awaitsFirstReply, summarizeHandoff } from './summary';

/** Quiet time after the visitor's last message before the summary is written again (several lines, one rewrite). */
export const SUMMARY_REWRITE_DEBOUNCE_MS = 2_000;

/** What a rewrite knows of the handoff: the block's fixed priority is kept by `setByPerson`, so none is needed. */
const REWRITE_CONTEXT = { reason: 'flow', blockId: null, settings: null } as const;

/**
 * Writes the handoff summary again when the visitor writes after the handoff and before any agent
 * reply (the real issue often comes right after "talk to a human"). Debounced per conversation in
 * this process; the AI calls run after the message's commit with no connection held. A rewrite lost
 * in a crash leaves the earlier summary in place, which is still a correct, older summary.
 */
export class SummaryRewriter {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private closed = false;

  constructor(
    private readonly services: Services,
    private readonly debounceMs = SUMMARY_REWRITE_DEBOUNCE_MS,
  ) {}

  /** After a visitor message committed: a rewrite when the handoff already waited for its first reply. */
  readonly afterVisitorMessage = (before: Conversation) => {
    if (awaitsFirstReply(before)) this.schedule(before.id);
  };

  schedule(conversationId: string) {
    if (this.closed) return;
    clearTimeout(this.timers.get(conversationId));
    const timer = setTimeout(() => this.run(conversationId), this.debounceMs);
    timer.unref();
    this.timers.set(conversationId, timer);
  }

  /** Runs every scheduled rewrite now, without waiting for its quiet time (shutdown drains, tests). */
  fire() {
    for (const conversationId of [...this.timers.keys()]) this.run(conversationId);
  }

  private run(conversationId: string) {
    clearTimeout(this.timers.get(conversationId));
    this.timers.delete(conversationId);
    this.services.background.run('summaryRewrite', () =>
      summarizeHandoff(this.services, conversationId, REWRITE_CONTEXT, { rewrite: true }),
    );
  }

  /** Rewrites waiting for their quiet time (tests wait on these, then on `background.idle()`). */
  get scheduled(): number {
    return this.timers.size;
  }

  close() {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}

const rewriters = new WeakMap<Services, SummaryRewriter>();

/** This process's rewriter (the inbox module's `init`), stopped on close. */
export function installSummaryRewrite(services: Services, debounceMs?: number): SummaryRewriter {
  const rewriter = new SummaryRewriter(services, debounceMs);
  rewriters.set(services, rewriter);
  services.onClose(async () => rewriter.close());
  return rewriter;
}

/** After a visitor message committed: a rewrite when the handoff already waited for its first reply. */
export const rewriteAfterVisitorMessage: AfterVisitorMessageHook = (services, before) =>
  rewriters.get(services)?.afterVisitorMessage(before);

/** A contact left on a waiting conversation belongs in its summary (none yet: the handoff's own is on its way). */
export const rewriteOnContactCaptured: ContactCapturedHook = async (services, tx) => {
  const conversation = tx.conversation;
  const rewriter = rewriters.get(services);
  if (rewriter && awaitsFirstReply(conversation) && conversation.summary !== null)
    tx.afterCommit(() => rewriter.schedule(conversation.id));
};
