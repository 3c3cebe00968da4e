import { useCallback, useEffect, useRef, useState } from 'react';
import { type ConversationDetail, inboxApi } from '../inbox-api';
import { inboxLive } from '../inbox-live';
import { isInternal, mergeMessages } from './transcript-merge';

const TYPING_TTL_MS = 6000;

export interface Typing {
  name: string | null;
  author: string;
}

/**
 * One open conversation, kept live: loads the detail, follows its messages over the dashboard socket,
 * reloads the header and panel when its state changes, shows the visitor typing, and marks it read.
 */
export function useConversation(id: string) {
  const [detail, setDetail] = useState<ConversationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [typing, setTyping] = useState<Typing | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastRead = useRef(0);

  const reload = useCallback(async () => {
    try {
      const next = await inboxApi.detail(id);
      setDetail((previous) =>
        previous ? { ...next, messages: mergeMessages(previous.messages, next.messages) } : next,
      );
      setError(null);
      return next;
    } catch (failure) {
      setError(failure);
      return null;
    }
  }, [id]);

  useEffect(() => {
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
      } else if (frame.type === 'conversation' && frame.conversation.id === id) {
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
  }, [id, reload]);

  // Everything on screen counts as read while the window has focus.
  const newest = detail?.messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    if (newest <= lastRead.current || !document.hasFocus()) return;
    lastRead.current = newest;
    void inboxApi.markRead(id, newest).catch(() => undefined);
  }, [id, newest]);

  return { detail, error, typing, reload, setDetail };
}
