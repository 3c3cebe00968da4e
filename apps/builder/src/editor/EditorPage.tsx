import { CanvasAnalyticsProvider } from '../analytics/canvas/canvas-analytics';
import { api } from '../api/api';
import { flowsApi } from '../api/flows';
import { ErrorState, Spinner } from '../ui/states';
import { useAsync } from '../ui/use-async';
import { EditorShortcutHelp } from './EditorShortcutHelp';
import { FlowEditor } from './FlowEditor';
import { loadDocument } from './model/load-document';

export function EditorPage({ flowId }: { flowId: string }) {
  const data = useAsync(() => flowsApi.get(api, flowId), [flowId]);
  if (data.status === 'loading') return <Spinner label="Opening the flow…" />;
  if (data.status === 'error') return <ErrorState error={data.error} onRetry={data.reload} />;
  const { flow } = data.value;
  return (
    <>
      <CanvasAnalyticsProvider key={flow.id} flowId={flow.id}>
        <FlowEditor
          flowId={flow.id}
          initialDoc={loadDocument(flow.draft, { id: flow.id, name: flow.name })}
          initialUpdatedAt={flow.updatedAt}
        />
      </CanvasAnalyticsProvider>
      <EditorShortcutHelp />
    </>
  );
}
