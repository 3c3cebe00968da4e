import { useState } from 'react';
import { useUser } from '../../app/auth';
import { useToast } from '../../app/toasts';
import { ErrorState, Spinner } from '../../ui/states';
import { useAsync } from '../../ui/use-async';
import { mentionable } from '../composer-commands';
import { inboxApi, visitorLabel } from '../inbox-api';
import { useKeys } from '../shortcuts';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { DetailsPanel } from './DetailsPanel';
import { reachHint } from './reach-hint';
import { SummaryCard } from './SummaryCard';
import { Transcript } from './Transcript';
import { useConversation } from './use-conversation';
import { useRatingRefresh } from './use-rating-refresh';
import './conversation.css';
import './transcript.css';
import './composer.css';
import './details-panel.css';
import './team-settings.css';
import './summary-fields.css';
import './live.css';

/** One conversation: header with actions, AI summary, live transcript, reply box, and the details panel. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  const toast = useToast();
  const { detail, error, typing, botWork, reload } = useConversation(conversationId);
  const support = useAsync(() => Promise.all([inboxApi.teammates(), inboxApi.teams(), inboxApi.canned()]), []);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(0);
  const user = useUser();
  useRatingRefresh(detail, reload);
  // A: assign to me; E: resolve (R reply and N note live in the composer).
  useKeys({
    a: () => {
      if (detail && !busy && detail.conversation.assignee?.id !== user.id)
        void act(() => inboxApi.assign(conversationId, { assigneeId: user.id }), 'Assigned to you.');
    },
    e: () => {
      if (detail && !busy && detail.conversation.status !== 'resolved')
        void act(() => inboxApi.resolve(conversationId), 'Conversation resolved.');
    },
  });

  if (error && !detail) return <ErrorState error={error} onRetry={() => void reload()} />;
  if (!detail) return <Spinner label="Opening conversation…" />;

  const [{ users: teammates }, { teams }, { cannedResponses }] =
    support.status === 'ready' ? support.value : [{ users: [] }, { teams: [] }, { cannedResponses: [] }];
  const visitorName = visitorLabel(detail.visitor, conversationId);

  async function act(action: () => Promise<unknown>, done?: string) {
    setBusy(true);
    try {
      await action();
      if (done) toast.success(done);
    } catch (failure) {
      toast.error(failure);
    } finally {
      setBusy(false);
      await reload();
    }
  }

  return (
    <div className="conversation">
      <section className="conversation-main" aria-label={`Conversation with ${visitorName}`}>
        <ConversationHeader detail={detail} visitorName={visitorName} busy={busy} act={act} />
        {detail.conversation.summary || detail.conversation.handedOffAt ? (
          <SummaryCard
            detail={detail}
            onRegenerate={() => act(() => inboxApi.regenerateSummary(conversationId))}
            busy={busy}
          />
        ) : null}
        <Transcript
          key={conversationId}
          messages={detail.messages}
          visitorName={visitorName}
          typing={typing}
          botName={detail.conversation.bot.name}
          botWork={botWork}
          sent={sent}
        />
        <Composer
          conversationId={conversationId}
          onSent={() => setSent((n) => n + 1)}
          canned={cannedResponses}
          teammates={mentionable(
            teammates,
            { assigneeId: detail.conversation.assignee?.id ?? null, teamId: detail.conversation.team?.id ?? null },
            teams,
          )}
          reach={{
            current: detail.visitor.reach,
            hint: (reach) => reachHint(reach, visitorName, detail.visitor.email),
          }}
          replyHint={
            detail.conversation.status === 'bot' ? 'The bot is answering. Replying takes over from the bot.' : null
          }
        />
      </section>
      <DetailsPanel detail={detail} teammates={teammates} teams={teams} onChanged={() => void reload()} />
    </div>
  );
}
