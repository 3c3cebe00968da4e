import { useEffect, useSyncExternalStore } from 'react';
import { useUser } from '../app/auth';
import { useToast } from '../app/toasts';
import { inboxLive } from './inbox-live';

/** Starts the live connection for the signed-in user and re-renders on every inbox change. */
export function useInboxLive() {
  const user = useUser();
  useEffect(() => {
    inboxLive.start(user.id, (user as { presence?: string }).presence);
  }, [user]);
  useSyncExternalStore(
    (onChange) => inboxLive.subscribe(onChange),
    () =>
      `${inboxLive.version}:${inboxLive.tick}:${inboxLive.connected}:${inboxLive.unread}:${JSON.stringify(inboxLive.counts)}`,
  );
  return inboxLive;
}

/** Shows "X mentioned you in …" as a toast; mounted once, with the nav badge, so it works on every page. */
export function useMentionToasts() {
  const toast = useToast();
  useEffect(() => inboxLive.onMention((text) => toast.show('info', text)), [toast]);
}
