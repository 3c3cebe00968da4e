import { useEffect, useState } from 'react';
import { ShortcutsDialog, useShortcutHelp } from '../ui/ShortcutsDialog';
import { ConversationView } from './conversation/ConversationView';
import type { InboxFilter } from './inbox-api';
import { inboxLive } from './inbox-live';
import { ConversationList } from './list/ConversationList';
import { INBOX_SHORTCUTS, useListKeys } from './shortcuts';
import { useInboxLive } from './use-inbox-live';

/** Conversations page: the live list on the left, the open conversation (with its details panel) beside it. */
export function InboxPage({ conversationId }: { conversationId: string | null }) {
  const [filter, setFilter] = useState<InboxFilter>('needs_agent');
  const [query, setQuery] = useState('');
  useInboxLive();
  useListKeys(conversationId);
  const [help, setHelp] = useShortcutHelp();

  useEffect(() => {
    inboxLive.watching = conversationId;
    return () => {
      inboxLive.watching = null;
    };
  }, [conversationId]);

  return (
    <div className={conversationId ? 'inbox inbox-open' : 'inbox'}>
      <ConversationList
        filter={filter}
        onFilter={setFilter}
        query={query}
        onQuery={setQuery}
        selectedId={conversationId}
      />
      {conversationId ? (
        <ConversationView key={conversationId} conversationId={conversationId} />
      ) : (
        <div className="inbox-placeholder">
          <div>
            <h2>Pick a conversation</h2>
            <p>Conversations waiting for a person are listed first, by priority and waiting time.</p>
            <p className="hint">
              Press <kbd>J</kbd> / <kbd>K</kbd> to move through the list, <kbd>?</kbd> for every shortcut.
            </p>
          </div>
        </div>
      )}
      {help ? (
        <ShortcutsDialog title="Inbox keyboard shortcuts" shortcuts={INBOX_SHORTCUTS} onClose={() => setHelp(false)} />
      ) : null}
    </div>
  );
}
