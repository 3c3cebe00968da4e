import type { MessageContent } from '@flowdesk/contract';
import { safeUrl } from '../ui/safe-url';

/** A bot message as the widget would show it (text is rendered as text, never as HTML). */
export function MessageView({ content }: { content: MessageContent }) {
  switch (content.type) {
    case 'text':
      return (
        <>
          <p>{content.text}</p>
          {content.citations?.length ? (
            <div className="preview-sources">
              {/* As the widget shows it; the list itself is named for screen readers. */}
              <span className="preview-sources-title" aria-hidden="true">
                Sources
              </span>
              <ul className="preview-citations" aria-label="Sources">
                {content.citations.map((citation, index) => {
                  const href = citation.url ? safeUrl(citation.url) : null;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: citations keep their order
                    <li key={index}>
                      {href ? (
                        <a href={href} target="_blank" rel="noopener noreferrer">
                          {citation.title}
                        </a>
                      ) : (
                        citation.title
                      )}
                    </li>
                  );
                })}
              </ul>
            </div>
          ) : null}
        </>
      );
    case 'validation_error':
      return <p className="bubble-error">{content.text}</p>;
    case 'image': {
      const src = safeUrl(content.url);
      return (
        <figure>
          {src ? <img src={src} alt={content.alt ?? ''} /> : null}
          {content.caption ? <figcaption>{content.caption}</figcaption> : null}
        </figure>
      );
    }
    case 'video':
    case 'audio':
    case 'file':
      return (
        <p>
          {content.type === 'file' ? content.name : content.type === 'video' ? 'Video' : 'Audio'}:{' '}
          {safeUrl(content.url) ? (
            <a href={content.url} target="_blank" rel="noreferrer">
              {content.url}
            </a>
          ) : (
            content.url
          )}
          {content.caption ? ` — ${content.caption}` : ''}
        </p>
      );
    case 'link':
      return (
        <p>
          {content.text ? `${content.text} ` : ''}
          {safeUrl(content.url) ? (
            <a className="btn btn-sm" href={content.url} target="_blank" rel="noreferrer">
              {content.label}
            </a>
          ) : (
            content.label
          )}
        </p>
      );
    case 'carousel':
      return (
        <div className="preview-cards">
          {content.cards.map((card, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: cards have no id
            <div key={index} className="preview-card">
              <strong>{card.title}</strong>
              {card.subtitle ? <div className="hint">{card.subtitle}</div> : null}
            </div>
          ))}
        </div>
      );
    case 'choice':
      return content.text ? <p>{content.text}</p> : null;
    case 'input':
      return content.prompt ? <p>{content.prompt}</p> : null;
    case 'event':
    case 'note':
      return <p className="hint">{content.text}</p>;
    default:
      return null;
  }
}
