import { useState } from 'react';
import { settingsApi } from '../settings-api';

/** The reply address of a conversation email (`reply+…@domain`), or null for any other sender. */
export function replyAddressOf(from: string): string | null {
  const address = (/<([^<>\s]+)>\s*$/.exec(from)?.[1] ?? from).trim().toLowerCase();
  return /^reply\+[0-9a-f]{32}-[0-9a-f]{20}@/.test(address) ? address : null;
}

/**
 * Without an email provider nobody can answer a reply email for real: this form stands in for the
 * visitor's answer, and it goes into the conversation the way a received email would.
 */
export function SimulatedReply({ replyAddress, visitor }: { replyAddress: string; visitor: string }) {
  const [text, setText] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'sending' | 'sent' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  async function send() {
    setState({ kind: 'sending' });
    try {
      await settingsApi.simulateReply({
        to: replyAddress,
        from: visitor,
        subject: 'Re: your conversation',
        text,
        attachments: [],
      });
      setText('');
      setState({ kind: 'sent' });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return (
    <form
      className="simulated-reply"
      aria-label="Reply as the visitor"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) void send();
      }}
    >
      <label htmlFor="simulated-reply-text">Reply as the visitor ({visitor})</label>
      <p className="hint">No email provider is set up: this stands in for the visitor answering this email.</p>
      <textarea
        id="simulated-reply-text"
        rows={3}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="The visitor's answer"
      />
      <div className="simulated-reply-actions">
        <button type="submit" className="btn btn-sm" disabled={!text.trim() || state.kind === 'sending'}>
          Send reply
        </button>
        <span role="status" className="hint">
          {state.kind === 'sent' ? 'Added to the conversation.' : state.kind === 'error' ? state.message : ''}
        </span>
      </div>
    </form>
  );
}
