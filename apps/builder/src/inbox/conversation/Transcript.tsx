import { useEffect, useRef } from 'react';
import { messageTime } from '../format-time';
import type { TranscriptMessage } from '../inbox-api';
import { MessageBody } from './MessageBody';
import type { Typing } from './use-conversation';

const AUTHOR_LABEL = { visitor: 'Visitor', bot: 'Bot', agent: 'Agent', system: 'System' } as const;

function Bubble({ message, visitorName }: { message: TranscriptMessage; visitorName: string }) {
  const { content } = message;
  if (content.type === 'event') {
    return (
      <li
        className={`timeline-event event-${content.kind}${message.internal ? ' internal' : ''}`}
        data-seq={message.seq}
      >
        <span>{content.text}</span>
        <time dateTime={message.createdAt}>{messageTime(message.createdAt)}</time>
      </li>
    );
  }
  const isNote = content.type === 'note';
  const side = message.author === 'visitor' ? 'incoming' : 'outgoing';
  const author = message.author === 'visitor' ? visitorName : (message.authorName ?? AUTHOR_LABEL[message.author]);
  return (
    <li className={`msg msg-${side} msg-${message.author}${isNote ? ' msg-note' : ''}`} data-seq={message.seq}>
      <div className="msg-meta">
        <span className="msg-author">{author}</span>
        {message.author === 'bot' ? <span className="msg-tag">Bot</span> : null}
        {isNote ? <span className="msg-tag note-tag">Private note</span> : null}
        <time dateTime={message.createdAt}>{messageTime(message.createdAt)}</time>
      </div>
      <div className="msg-bubble">
        <MessageBody content={content} />
      </div>
    </li>
  );
}

/** The whole conversation in order: visitor, bot and agent messages, private notes and timeline events. */
export function Transcript({
  messages,
  visitorName,
  typing,
}: {
  messages: TranscriptMessage[];
  visitorName: string;
  typing: Typing | null;
}) {
  const end = useRef<HTMLDivElement>(null);
  const count = messages.length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when messages are added or typing shows
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [count, typing]);
  return (
    <div className="transcript" aria-label="Transcript" role="log">
      <ol>
        {messages.map((message) => (
          <Bubble key={message.seq} message={message} visitorName={visitorName} />
        ))}
      </ol>
      {typing ? (
        <p className="typing-indicator" aria-live="polite">
          {typing.name ?? visitorName} is typing
          <span className="dots" aria-hidden="true" />
        </p>
      ) : null}
      <div ref={end} />
    </div>
  );
}
