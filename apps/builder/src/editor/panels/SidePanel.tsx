import type { ReactNode } from 'react';
import { Tab } from '../../ui/Tab';
import type { PanelId } from '../editor-context';

export interface PanelTab {
  id: PanelId;
  label: string;
  badge?: ReactNode;
  render: () => ReactNode;
  /** Stays mounted while hidden (the preview keeps its conversation when you look at a block). */
  keepMounted?: boolean;
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
          <Tab
            key={tab.id}
            id={`tab-${tab.id}`}
            controls={`panel-${tab.id}`}
            className="tab panel-tab"
            selected={tab.id === current.id}
            onSelect={() => onSelect(tab.id)}
          >
            {tab.label}
            {tab.badge}
          </Tab>
        ))}
      </div>
      {tabs
        .filter((tab) => tab.id === current.id || tab.keepMounted)
        .map((tab) => (
          <div
            key={tab.id}
            className="panel-body"
            role="tabpanel"
            id={`panel-${tab.id}`}
            aria-labelledby={`tab-${tab.id}`}
            hidden={tab.id !== current.id}
          >
            {tab.render()}
          </div>
        ))}
    </aside>
  );
}
