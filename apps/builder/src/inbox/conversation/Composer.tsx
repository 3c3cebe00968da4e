import type { VisitorReach } from '@flowdesk/contract';
import { type KeyboardEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useToast } from '../../app/toasts';
import { Tab } from '../../ui/Tab';
import { mentionedIds, replaceToken, type Suggestion, suggestionsAt } from '../composer-commands';
import { type CannedResponse, inboxApi, type Teammate } from '../inbox-api';
import { InboxIcon } from '../inbox-icons';
import { inboxLive } from '../inbox-live';
import { Suggestions } from './Suggestions';

type Mode = 'reply' | 'note';

const isEditable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));

/**
 * Reply box: R focuses it (N for a private note), Enter sends, Shift+Enter adds a line, `/` inserts a canned response, and in a
 * private note `@` mentions a teammate. A reply goes to the visitor; a note stays with the team.
 */
export function Composer({
  conversationId,
  canned,
  teammates,
  replyHint,
  reach,
  onSent,
}: {
  conversationId: string;
  /** After a reply or note was stored. */
  onSent: () => void;
  canned: CannedResponse[];
  teammates: Teammate[];
  /** Shown in the empty reply box, e.g. that replying takes over from the bot. */
  replyHint: string | null;
  /** How a reply reaches the visitor, as the conversation was loaded; each reply's answer updates it. */
  reach: { hint: (reach: VisitorReach) => string; current: VisitorReach };
}) {
  const toast = useToast();
  const [mode, setMode] = useState<Mode>('reply');
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [sending, setSending] = useState(false);
  const [drafting, setDrafting] = useState(false);
  // The latest word on the visitor's reach: a reply's answer is newer than the loaded conversation until it reloads.
  const [sentReach, setSentReach] = useState<{ for: VisitorReach; reach: VisitorReach } | null>(null);
  const shownReach = sentReach?.for === reach.current ? sentReach.reach : reach.current;
  const area = useRef<HTMLTextAreaElement>(null);
  const typingSent = useRef(false);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Where the caret goes once a picked suggestion is in the box: placed as the new text commits, so a key typed
  // right after the pick lands after it (a later frame moved the caret back mid-word on a busy machine).
  const pendingCaret = useRef<number | null>(null);

  useLayoutEffect(() => {
    if (pendingCaret.current === null) return;
    area.current?.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  });

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const key = event.key.toLowerCase();
      if ((key !== 'r' && key !== 'n') || event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return;
      if (isEditable(event.target) || document.querySelector('dialog[open]')) return;
      event.preventDefault();
      // R: reply to the visitor; N: a private note for the team.
      setMode(key === 'r' ? 'reply' : 'note');
      area.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const { token, items, hint } = suggestionsAt(text, caret, mode, canned, teammates);

  function pick(item: Suggestion) {
    if (!token) return;
    const next = replaceToken(text, token, item.insert);
    setText(next.text);
    setCaret(next.caret);
    pendingCaret.current = next.caret;
  }

  function signalTyping(value: string) {
    if (mode !== 'reply') return;
    if (!typingSent.current && value) {
      typingSent.current = true;
      inboxLive.socket?.typing(conversationId, true);
    }
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = setTimeout(stopTyping, 3000);
  }

  function stopTyping() {
    if (!typingSent.current) return;
    typingSent.current = false;
    inboxLive.socket?.typing(conversationId, false);
  }

  async function send() {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    try {
      if (mode === 'reply') {
        const answer = await inboxApi.reply(conversationId, body, crypto.randomUUID());
        setSentReach({ for: reach.current, reach: answer.reach });
      } else await inboxApi.note(conversationId, body, mentionedIds(body, teammates));
      setText('');
      setCaret(0);
      stopTyping();
      onSent();
    } catch (error) {
      toast.error(error);
    } finally {
      setSending(false);
      area.current?.focus();
    }
  }

  async function suggest() {
    setDrafting(true);
    try {
      const { reply } = await inboxApi.suggestReply(conversationId);
      setMode('reply');
      setText(reply);
      area.current?.focus();
    } catch (error) {
      toast.error(error);
    } finally {
      setDrafting(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (items.length > 0) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setActive((i) => (i + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        pick(items[Math.min(active, items.length - 1)]!);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setCaret(-1);
        return;
      }
    }
    if (event.key === 'Escape') {
      area.current?.blur(); // back to the single-key shortcuts
      return;
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  }

  return (
    <div className={`composer composer-${mode}`}>
      <div className="composer-tabs" role="tablist" aria-label="Message kind">
        <Tab selected={mode === 'reply'} onSelect={() => setMode('reply')}>
          Reply
        </Tab>
        <Tab selected={mode === 'note'} onSelect={() => setMode('note')}>
          <InboxIcon name="lock" size={13} /> Private note
        </Tab>
        <span className="grow" />
        <button type="button" className="btn btn-ghost btn-sm" onClick={suggest} disabled={drafting}>
          <InboxIcon name="sparkle" size={14} /> {drafting ? 'Drafting…' : 'Suggest reply'}
        </button>
      </div>
      {items.length > 0 ? (
        <Suggestions items={items} active={Math.min(active, items.length - 1)} onPick={pick} />
      ) : hint ? (
        <p className="composer-suggestions composer-suggestions-empty" role="status">
          {hint}
        </p>
      ) : null}
      <textarea
        ref={area}
        dir="auto"
        aria-label={mode === 'reply' ? 'Reply to the visitor' : 'Private note for your team'}
        placeholder={
          mode === 'reply'
            ? (replyHint ?? 'Reply… (Enter sends, Shift+Enter new line, / for canned responses)')
            : 'Note for your team… (@ mentions a teammate; the visitor never sees notes)'
        }
        value={text}
        rows={3}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setActive(0);
          signalTyping(event.target.value);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={stopTyping}
      />
      <div className="composer-footer">
        <span className="hint">{mode === 'reply' ? reach.hint(shownReach) : 'Only your team sees this.'}</span>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void send()}
          disabled={sending || !text.trim()}
        >
          {mode === 'reply' ? 'Send' : 'Add note'}
        </button>
      </div>
    </div>
  );
}
