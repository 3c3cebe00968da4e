import { BotActivity, type LiveStream } from '@flowdesk/widget/bot-activity';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ConversationDetail, inboxApi, type TranscriptMessage } from '../inbox-api';
import { inboxLive } from '../inbox-live';
import { isInternal, mergeMessages } from './transcript-merge';

const TYPING_TTL_MS = 6000;

export interface Typing {
  name: string | null;
  author: string;
}

/** The bot waits for an HTTP call or an AI answer (`working`); the answer being written (`stream`). */
export interface BotWork {
  working: boolean;
  stream: LiveStream | null;
}

/**
 * One open conversation, kept live: loads the detail, follows its messages over the dashboard socket,
 * reloads the header and panel when its state changes, shows the visitor typing and the bot at work
 * (an AI answer as it is written, until the stored message replaces it), and marks it read.
 */
export function useConversation(id: string) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [typing, setTyping] = useState<Typing | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRead = useRef(0);
  const bot = useRef(new BotActivity());
  /** Newest seq shown: where a stream starting now sits in the transcript. */
  const lastSeq = useRef(0);
  const [botWork, setBotWork] = useState<BotWork>({ working: false, stream: null });
  const showBot = useCallback((changed: boolean) => {
    if (changed) setBotWork({ working: bot.current.working, stream: bot.current.stream });
  }, []);
  const seen = useCallback(
    (messages: TranscriptMessage[]) => {
      for (const m of messages) lastSeq.current = Math.max(lastSeq.current, m.seq);
      showBot(bot.current.messages(messages));
    },
    [showBot],
  );

  const reload = useCallback(async () => {
    try {
      const next = await inboxApi.detail(id);
      setDetail((previous) =>
        previous ? { ...next, messages: mergeMessages(previous.messages, next.messages) } : next,
      );
      seen(next.messages);
      showBot(bot.current.state(next.conversation.working, next.conversation.lastSeq));
      setError(null);
      return next;
    } catch (failure) {
      setError(failure);
      return null;
    }
  }, [id, seen, showBot]);

  useEffect(() => {
    bot.current.reset();
    lastSeq.current = 0;
    let active = true;
    let reloadTimer: ReturnType<typeof setTimeout> | null = null;
    const socket = inboxLive.socket;
    reload().then((first) => {
      if (active && first) socket?.follow(id, first.conversation.lastSeq);
    });
    const stop = socket?.onFrame((frame) => {
      if (frame.type === 'message' && frame.message.conversationId === id) {
        const message = { ...frame.message, internal: isInternal(frame.message) };
        setDetail((previous) =>
          previous ? { ...previous, messages: mergeMessages(previous.messages, [message]) } : previous,
        );
        if (frame.message.author === 'visitor') setTyping(null);
        seen([message]);
      } else if (frame.type === 'stream' && frame.conversationId === id) {
        showBot(bot.current.streamed(frame.streamId, frame.text, lastSeq.current));
      } else if (frame.type === 'conversation' && frame.conversation.id === id) {
        showBot(bot.current.state(frame.conversation.working, frame.conversation.lastSeq));
        if (reloadTimer) clearTimeout(reloadTimer);
        reloadTimer = setTimeout(() => void reload(), 150);
      } else if (frame.type === 'typing' && frame.conversationId === id && frame.author === 'visitor') {
        if (typingTimer.current) clearTimeout(typingTimer.current);
        setTyping(frame.typing ? { name: frame.name, author: frame.author } : null);
        if (frame.typing) typingTimer.current = setTimeout(() => setTyping(null), TYPING_TTL_MS);
      }
    });
    return () => {
      active = false;
      stop?.();
      socket?.unfollow(id);
      if (reloadTimer) clearTimeout(reloadTimer);
      if (typingTimer.current) clearTimeout(typingTimer.current);
    };
  }, [id, reload, seen, showBot]);

  // Everything on screen counts as read while the window has focus (and when the agent comes back to it):
  // the badge clears here at once, and on the agent's other dashboards through the socket's read frame.
  const newest = detail?.messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    const read = () => {
      if (newest <= lastRead.current || !document.hasFocus()) return;
      lastRead.current = newest;
      inboxLive.markedRead(id, newest);
      void inboxApi.markRead(id, newest).catch(() => undefined);
    };
    read();
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, [id, newest]);

  return { detail, error, typing, botWork, reload, setDetail };
}
