import { type PanelId, useEditor } from '../editor-context';
import { Inspector } from './Inspector';
import { IntentsPanel } from './IntentsPanel';
import { ProblemsPanel } from './ProblemsPanel';
import { type PanelTab, SidePanel } from './SidePanel';
import { VariablesPanel } from './VariablesPanel';

export function EditorPanels({
  panel,
  onPanel,
}: {
  panel: PanelId;
  onPanel: (id: PanelId) => void;
  onActiveBlock: (id: string | null) => void;
}) {
  const { problems, doc } = useEditor();
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
  ];
  return <SidePanel tabs={tabs} active={panel} onSelect={onPanel} />;
}
