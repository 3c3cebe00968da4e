import type { MessageContent } from '@flowdesk/contract';
import type { ReactNode } from 'react';
import { safeUrl } from '../../ui/safe-url';

/** A link when the URL is safe to open, else its label as text. */
function Link({ url, children }: { url: string; children: ReactNode }) {
  const href = safeUrl(url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  ) : (
    children
  );
}

/** What the visitor was offered (buttons, cards), as a row of labels. */
function OptionLabels({ options }: { options: { key: string; label: string }[] }) {
  return (
    <span className="msg-options">
      {options.map((option) => (
        <span key={option.key} className="msg-option">
          {option.label}
        </span>
      ))}
    </span>
  );
}

/** Text as written; its direction from its own letters (Arabic and Hebrew read right to left). */
function Text({ children }: { children: ReactNode }) {
  return (
    <p className="msg-text" dir="auto">
      {children}
    </p>
  );
}

/** What a message shows, as plain text and safe links (user text is never HTML). */
export function MessageBody({ content }: { content: MessageContent }) {
  switch (content.type) {
    case 'text':
    case 'validation_error':
    case 'note':
      return <Text>{content.text}</Text>;
    case 'choice':
      return (
        <>
          {content.text ? <Text>{content.text}</Text> : null}
          <OptionLabels options={content.options.map((option) => ({ key: option.id, label: option.label }))} />
        </>
      );
    case 'input':
      return <Text>{content.prompt ?? `Asks for ${content.inputType}`}</Text>;
    case 'choice_reply':
      return <Text>{content.label}</Text>;
    case 'form_reply':
      return (
        <dl className="msg-form">
          {Object.entries(content.values).map(([key, value]) => (
            <div key={key}>
              <dt>{key}</dt>
              <dd dir="auto">{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'image': {
      const src = safeUrl(content.url);
      return (
        <figure className="msg-media">
          {src ? <img src={src} alt={content.alt ?? ''} /> : null}
          {content.caption ? <figcaption>{content.caption}</figcaption> : null}
        </figure>
      );
    }
    case 'link':
      return (
        <Text>
          {content.text ? `${content.text} ` : null}
          <Link url={content.url}>{content.label}</Link>
        </Text>
      );
    case 'video':
    case 'audio':
    case 'file':
      return (
        <Text>
          <Link url={content.url}>
            {content.type === 'file' ? content.name : content.caption || `${content.type} attachment`}
          </Link>
        </Text>
      );
    case 'carousel':
      return <OptionLabels options={content.cards.map((card) => ({ key: card.title, label: card.title }))} />;
    case 'event':
      return <span>{content.text}</span>;
  }
}
