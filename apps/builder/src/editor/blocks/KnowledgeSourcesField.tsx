import type { KnowledgeSource } from '@flowdesk/contract';
import { api } from '../../api/api';
import { knowledgeApi } from '../../api/knowledge';
import { useAsync } from '../../ui/use-async';
import { CheckboxField } from './fields';

const STATUS: Record<KnowledgeSource['status'], string> = {
  pending: 'waiting to be indexed',
  indexing: 'indexing…',
  ready: 'ready',
  failed: 'indexing failed',
};

/**
 * The workspace's knowledge sources an AI block answers from, one checkbox each (from GET /api/admin/knowledge).
 * A chosen source that was deleted stays listed, so it can be unticked.
 */
export function KnowledgeSourcesField({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) {
  const sources = useAsync(() => knowledgeApi.list(api), []);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((chosen) => chosen !== id));
  const listed = sources.status === 'ready' ? sources.value.sources : [];
  const missing = sources.status === 'ready' ? value.filter((id) => !listed.some((s) => s.id === id)) : [];
  return (
    <fieldset className="fieldset knowledge-sources">
      <legend>Knowledge sources</legend>
      {sources.status === 'loading' && <small>Loading the knowledge sources…</small>}
      {sources.status === 'error' && (
        <small role="alert">
          The knowledge sources could not be loaded.{' '}
          <button type="button" className="link-button" onClick={sources.reload}>
            Try again
          </button>
        </small>
      )}
      {sources.status === 'ready' && listed.length === 0 && (
        <small>No knowledge sources yet: add pages, files or Q&amp;A under Knowledge.</small>
      )}
      {listed.map((source) => (
        <CheckboxField
          key={source.id}
          label={
            <>
              {source.title}
              <small className="muted">
                {' '}
                ({STATUS[source.status]}, {source.chunkCount} passage{source.chunkCount === 1 ? '' : 's'})
              </small>
            </>
          }
          value={value.includes(source.id)}
          onChange={(on) => toggle(source.id, on)}
        />
      ))}
      {missing.map((id) => (
        <CheckboxField key={id} label="A deleted source" value onChange={() => toggle(id, false)} />
      ))}
      <small>Answers search the chosen sources and name the ones they used; the text below is used as well.</small>
    </fieldset>
  );
}
