import type { ReactNode } from 'react';
import { SettingsTabs } from '../bot/SettingsTabs';
import { Loaded } from '../ui/states';
import type { AsyncState } from '../ui/use-async';

/** Settings page header, tabs, and the loading / error states of the tab's data. */
export function SettingsFrame<T>({
  intro,
  data,
  actions,
  refreshable = false,
  children,
}: {
  intro: string;
  data: AsyncState<T> & { reload: () => void };
  actions?: ReactNode;
  /** Offer a Refresh button that loads the tab's data again. */
  refreshable?: boolean;
  children: (value: T) => ReactNode;
}) {
  return (
    <>
      <header className="page-header">
        <div>
          <h1>Settings</h1>
          <p>{intro}</p>
        </div>
        {actions}
        {refreshable ? (
          <button type="button" className="btn" onClick={data.reload}>
            Refresh
          </button>
        ) : null}
      </header>
      <SettingsTabs />
      <Loaded data={data}>{children}</Loaded>
    </>
  );
}
