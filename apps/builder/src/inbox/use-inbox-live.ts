import { useEffect, useSyncExternalStore } from 'react';
import { useUser } from '../app/auth';
import { inboxLive } from './inbox-live';

/** Starts the live connection for the signed-in user and re-renders on every inbox change. */
export function useInboxLive() {
  const user = useUser();
  useEffect(() => {
    inboxLive.start(user.id, (user as { presence?: string }).presence);
  }, [user]);
  useSyncExternalStore(
    (onChange) => inboxLive.subscribe(onChange),
    () => `${inboxLive.version}:${inboxLive.connected}:${JSON.stringify(inboxLive.counts)}`,
  );
  return inboxLive;
}
