import { cameByEmail } from '@flowdesk/contract';
import { TypingDots } from '../../ui/TypingDots';
import { messageTime } from '../format-time';
import type { TranscriptMessage } from '../inbox-api';
import { MessageBody } from './MessageBody';
import type { BotWork, Typing } from './use-conversation';
import { useFollowEnd } from './use-follow-end';
import './bot-work.css';

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
        {cameByEmail(message) ? <span className="msg-tag">by email</span> : null}
        {isNote ? <span className="msg-tag note-tag">Private note</span> : null}
        <time dateTime={message.createdAt}>{messageTime(message.createdAt)}</time>
      </div>
      <div className="msg-bubble">
        <MessageBody content={content} />
      </div>
    </li>
  );
}

/**
 * The bot at work, after its messages: the answer it is writing (plain text, replaced by the stored message;
 * screen readers skip it while it grows), or typing dots while it waits for a call.
 */
function BotAtWork({ work, botName }: { work: BotWork; botName: string }) {
  const text = work.stream?.text.trim() ? work.stream.text : '';
  if (!text && !work.working) return null;
  const meta = (
    <div className="msg-meta">
      <span className="msg-author">{botName}</span>
      <span className="msg-tag">Bot</span>
      <span>{text ? 'writing…' : 'working…'}</span>
    </div>
  );
  return text ? (
    <li className="msg msg-outgoing msg-bot msg-streaming" aria-hidden="true">
      {meta}
      <div className="msg-bubble">
        <MessageBody content={{ type: 'text', text }} />
      </div>
    </li>
  ) : (
    <li className="msg msg-outgoing msg-bot msg-working">
      {meta}
      <div className="msg-bubble">
        <TypingDots label={`${botName} is typing`} />
      </div>
    </li>
  );
}

/** The whole conversation in order: visitor, bot and agent messages, private notes and timeline events. */
export function Transcript({
  messages,
  visitorName,
  typing,
  botName,
  botWork,
  sent,
}: {
  messages: TranscriptMessage[];
  visitorName: string;
  typing: Typing | null;
  botName: string;
  botWork: BotWork;
  /** How many messages this agent sent here: each brings the transcript to its end. */
  sent: number;
}) {
  const count = messages.length;
  const streamed = botWork.stream?.text.length ?? 0;
  const { end, onScroll, unseen, jump } = useFollowEnd(count, sent, [typing, botWork.working, streamed]);
  return (
    <div className="transcript" aria-label="Transcript" role="log" onScroll={onScroll}>
      <ol>
        {messages.map((message) => (
          <Bubble key={message.seq} message={message} visitorName={visitorName} />
        ))}
        <BotAtWork work={botWork} botName={botName} />
      </ol>
      {typing ? (
        <p className="typing-indicator" aria-live="polite">
          {typing.name ?? visitorName} is typing
          <span className="dots" aria-hidden="true" />
        </p>
      ) : null}
      {unseen > 0 ? (
        <button type="button" className="transcript-jump" onClick={jump}>
          ↓ {unseen} new {unseen === 1 ? 'message' : 'messages'}
        </button>
      ) : null}
      <div ref={end} />
    </div>
  );
}
