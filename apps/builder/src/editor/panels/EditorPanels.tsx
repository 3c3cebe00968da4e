import { useEffect, useState } from 'react';
import { PreviewPanel } from '../../preview/PreviewPanel';
import { type PanelId, useEditor } from '../editor-context';
import { Inspector } from './Inspector';
import { IntentsPanel } from './IntentsPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { type PanelTab, SidePanel } from './SidePanel';
import { VariablesPanel } from './VariablesPanel';

interface Props {
  panel: PanelId;
  onPanel: (id: PanelId) => void;
  /** The preview reports the block its conversation is at, for the canvas highlight. */
  onActiveBlock: (id: string | null) => void;
}

export function EditorPanels({ panel, onPanel, onActiveBlock }: Props) {
  const { problems, doc } = useEditor();
  const [previewStarted, setPreviewStarted] = useState(false);
  useEffect(() => {
    if (panel === 'preview') setPreviewStarted(true);
  }, [panel]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const tabs: PanelTab[] = [
    { id: 'inspector', label: 'Block', render: () => <Inspector /> },
    {
      id: 'problems',
      label: 'Problems',
      badge:
        problems.length > 0 ? (
          <span className={errors > 0 ? 'badge badge-error' : 'badge badge-warning'}>{problems.length}</span>
        ) : null,
      render: () => <ProblemsPanel />,
    },
    { id: 'variables', label: 'Variables', render: () => <VariablesPanel /> },
    {
      id: 'intents',
      label: 'Intents',
      badge: <span className="badge">{doc.intents.length}</span>,
      render: () => <IntentsPanel />,
    },
    {
      id: 'preview',
      label: 'Preview',
      keepMounted: previewStarted,
      render: () => <PreviewPanel onActiveBlock={onActiveBlock} />,
    },
  ];
  return <SidePanel tabs={tabs} active={panel} onSelect={onPanel} />;
}
