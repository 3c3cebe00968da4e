import type { ReactNode } from 'react';
import type { PanelId } from '../editor-context';

export interface PanelTab {
  id: PanelId;
  label: string;
  badge?: ReactNode;
  render: () => ReactNode;
}

export function SidePanel({
  tabs,
  active,
  onSelect,
}: {
  tabs: PanelTab[];
  active: PanelId;
  onSelect: (id: PanelId) => void;
}) {
  const current = tabs.find((t) => t.id === active) ?? tabs[0]!;
  return (
    <aside className="side-panel">
      <div className="panel-tabs" role="tablist" aria-label="Editor panels">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`panel-${tab.id}`}
            className={tab.id === current.id ? 'panel-tab active' : 'panel-tab'}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge}
          </button>
        ))}
      </div>
      <div className="panel-body" role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        {current.render()}
      </div>
    </aside>
  );
}
