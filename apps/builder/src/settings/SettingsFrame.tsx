import type { ReactNode } from 'react';
import { SettingsTabs } from '../bot/SettingsTabs';
import { ErrorState, Spinner } from '../ui/states';
import type { AsyncState } from '../ui/use-async';

/** Settings page header, tabs, and the loading / error states of the tab's data. */
export function SettingsFrame<T>({
  intro,
  data,
  actions,
  children,
}: {
  intro: string;
  data: AsyncState<T> & { reload: () => void };
  actions?: ReactNode;
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
      </header>
      <SettingsTabs />
      {data.status === 'loading' ? (
        <Spinner />
      ) : data.status === 'error' ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : (
        children(data.value)
      )}
    </>
  );
}
