import type { KnowledgeSource } from '@flowdesk/contract';
import { type ReactNode, useState } from 'react';
import { EmptyState, ErrorState, Spinner } from '../ui/states';
import { Tab } from '../ui/Tab';
import { EditSource } from './EditSource';
import { FileForm } from './FileForm';
import { QaForm } from './QaForm';
import { SourceCard } from './SourceCard';
import { TextForm } from './TextForm';
import { useKnowledgeSources } from './use-sources';
import { WebsiteForm } from './WebsiteForm';
import './knowledge.css';

type AddKind = 'web' | 'file' | 'qa' | 'text';
const ADD_TABS: { kind: AddKind; label: string }[] = [
  { kind: 'web', label: 'Website' },
  { kind: 'file', label: 'File' },
  { kind: 'qa', label: 'Q&A' },
  { kind: 'text', label: 'Text' },
];

/** Tabs choosing what to add; each form adds one source. */
function AddSource({ onAdded }: { onAdded: (source: KnowledgeSource) => void }) {
  const [kind, setKind] = useState<AddKind>('web');
  const forms: Record<AddKind, ReactNode> = {
    web: <WebsiteForm onAdded={onAdded} />,
    file: <FileForm onAdded={onAdded} />,
    qa: <QaForm onAdded={onAdded} />,
    text: <TextForm onAdded={onAdded} />,
  };
  return (
    <section className="card kb-add" aria-labelledby="kb-add-title">
      <h2 id="kb-add-title">Add a source</h2>
      <div className="tabs" role="tablist" aria-label="Kind of source">
        {ADD_TABS.map((tab) => (
          <Tab
            key={tab.kind}
            id={`kb-tab-${tab.kind}`}
            controls="kb-add-panel"
            className="tab"
            selected={kind === tab.kind}
            onSelect={() => setKind(tab.kind)}
          >
            {tab.label}
          </Tab>
        ))}
      </div>
      <div role="tabpanel" id="kb-add-panel" aria-labelledby={`kb-tab-${kind}`}>
        {forms[kind]}
      </div>
    </section>
  );
}

/** The admins' knowledge base: the sources AI answers and agents read from, how far their indexing is, and forms to add more. */
export function KnowledgePage() {
  const { state, reload, put, removed } = useKnowledgeSources();
  const [added, setAdded] = useState<string | null>(null);
  const [editing, setEditing] = useState<KnowledgeSource | null>(null);
  const onAdded = (source: KnowledgeSource) => {
    put(source);
    setAdded(source.id);
  };
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Knowledge</h1>
          <p>Websites, files, Q&amp;A and texts your AI answers and AI agents answer from, with the pages they cite.</p>
        </div>
      </header>
      <div className="kb-layout">
        <section className="kb-sources" aria-labelledby="kb-sources-title">
          <h2 id="kb-sources-title">Sources</h2>
          {state.status === 'loading' ? (
            <Spinner />
          ) : state.status === 'error' ? (
            <ErrorState error={state.error} onRetry={reload} />
          ) : state.sources.length === 0 ? (
            <EmptyState title="No knowledge sources yet">
              Add your help site, a file, or a few questions and answers; AI answer blocks can then answer from them.
            </EmptyState>
          ) : (
            <ul className="kb-list">
              {state.sources.map((source) => (
                <li key={source.id}>
                  <SourceCard
                    source={source}
                    justAdded={source.id === added}
                    onChanged={put}
                    onDeleted={() => {
                      removed(source.id);
                      if (editing?.id === source.id) setEditing(null);
                    }}
                    onEdit={source.kind === 'file' ? undefined : () => setEditing(source)}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
        {editing ? (
          <EditSource
            key={editing.id}
            source={editing}
            onSaved={(source) => {
              put(source);
              setEditing(null);
            }}
            onClose={() => setEditing(null)}
          />
        ) : (
          <AddSource onAdded={onAdded} />
        )}
      </div>
    </>
  );
}
