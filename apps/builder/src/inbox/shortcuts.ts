import { useEffect, useRef } from 'react';
import { navigate } from '../app/router';
import { type Shortcut, typingOrDialog } from '../ui/ShortcutsDialog';
import { inboxLive } from './inbox-live';

/** Every inbox shortcut, as the `?` dialog lists them. */
export const INBOX_SHORTCUTS: Shortcut[] = [
  { keys: ['J'], does: 'Next conversation' },
  { keys: ['K'], does: 'Previous conversation' },
  { keys: ['A'], does: 'Assign the open conversation to me' },
  { keys: ['E'], does: 'Resolve the open conversation' },
  { keys: ['R'], does: 'Reply to the visitor' },
  { keys: ['N'], does: 'Write a private note' },
  { keys: ['Enter'], does: 'Send (in the reply box)' },
  { keys: ['Shift', 'Enter'], does: 'New line (in the reply box)' },
  { keys: ['/'], does: 'Insert a canned response (in the reply box)' },
  { keys: ['@'], does: 'Mention a teammate (in a note)' },
  { keys: ['?'], does: 'Show these shortcuts' },
  { keys: ['Esc'], does: 'Close a dialog, leave the reply box' },
];

/** The conversation `step` places from `current` in the list (the first one when none is open). */
export function stepThrough(order: string[], current: string | null, step: 1 | -1): string | null {
  if (order.length === 0) return null;
  const at = current ? order.indexOf(current) : -1;
  if (at < 0) return step === 1 ? order[0]! : order[order.length - 1]!;
  return order[Math.min(order.length - 1, Math.max(0, at + step))]!;
}

/** Single keys (not while typing or in a dialog), case-insensitive, each calling its handler. */
export function useKeys(handlers: Record<string, () => void>) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typingOrDialog(event) || event.shiftKey) return;
      const run = ref.current[event.key.toLowerCase()];
      if (!run) return;
      event.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** J / K: next and previous conversation of the list on screen. */
export function useListKeys(conversationId: string | null) {
  const go = (step: 1 | -1) => {
    const next = stepThrough(inboxLive.order, conversationId, step);
    if (next && next !== conversationId) navigate(`/inbox/${next}`);
  };
  useKeys({ j: () => go(1), k: () => go(-1) });
}
