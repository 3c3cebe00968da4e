import type { KnowledgePreviewAnswer } from '@flowdesk/contract';
import { safeUrl } from '../ui/safe-url';

/** The knowledge passages an AI answer was given in the preview: source (linked when http/https) and text. */
export function PassagesView({ passages }: { passages: KnowledgePreviewAnswer['passages'] }) {
  return (
    <ol className="preview-passages" aria-label="Knowledge passages used">
      {passages.map((passage, index) => {
        const href = passage.url ? safeUrl(passage.url) : null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: passages keep their search order
          <li key={index}>
            <strong>
              {href ? (
                <a href={href} target="_blank" rel="noopener noreferrer">
                  {passage.title}
                </a>
              ) : (
                passage.title
              )}
            </strong>{' '}
            <span>{passage.text}</span>
          </li>
        );
      })}
    </ol>
  );
}
