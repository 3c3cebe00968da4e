import type { KnowledgeSource } from '@flowdesk/contract';
import { type ReactNode, useEffect, useRef } from 'react';
import { api } from '../api/api';
import { knowledgeApi } from '../api/knowledge';
import { ErrorState, Spinner } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { QaForm } from './QaForm';
import { TextForm } from './TextForm';
import { WebsiteForm } from './WebsiteForm';

/** The panel editing one source: its content as saved, in the form that added it; saving indexes it again. */
export function EditSource({
  source,
  onSaved,
  onClose,
}: {
  source: KnowledgeSource;
  onSaved: (source: KnowledgeSource) => void;
  onClose: () => void;
}) {
  const content = useAsync(() => knowledgeApi.content(api, source.id), [source.id]);
  // The panel opens beside (or, on a phone, below) the list: bring it to the admin once its form is there (before,
  // the page may end right below the heading), and keyboard focus with it.
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = content.status !== 'loading';
  useEffect(() => {
    const title = heading.current;
    if (!title || !loaded) return;
    title.focus({ preventScroll: true });
    // Already all on screen (beside the list on a wide screen): nothing moves.
    const { top, bottom } = (title.parentElement ?? title).getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) title.scrollIntoView({ block: 'start' });
  }, [loaded]);
  let form: ReactNode = null;
  if (content.status === 'ready') {
    const value = content.value;
    const common = { onAdded: onSaved, onCancel: onClose };
    form =
      value.kind === 'qa' ? (
        <QaForm {...common} editing={{ id: source.id, content: value }} />
      ) : value.kind === 'text' ? (
        <TextForm {...common} editing={{ id: source.id, content: value }} />
      ) : (
        <WebsiteForm {...common} editing={{ id: source.id, content: value }} />
      );
  }
  return (
    <section className="card kb-add" aria-labelledby="kb-edit-title">
      <h2 id="kb-edit-title" ref={heading} tabIndex={-1}>
        Edit “{source.title}”
      </h2>
      <p className="hint">Saving indexes it again; answers use the old passages until the new ones are ready.</p>
      {content.status === 'loading' ? (
        <Spinner />
      ) : content.status === 'error' ? (
        <ErrorState error={content.error} onRetry={content.reload} />
      ) : (
        form
      )}
    </section>
  );
}
