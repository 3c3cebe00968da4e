import type { Kysely } from 'kysely';
import { latestRating } from '../csat/survey';
import type { Conversation, Database } from '../db/schema';
import { findVersionById } from '../flows/versions-repository';
import { botIsWorking } from '../repositories/conversations';
import { loadMessages } from '../repositories/messages';
import type { Services } from '../services';
import { accessibleConversation, type Viewer } from './access';
import { followUpView, summaryView } from './follow-up-view';
import { handBackLabels } from './hand-back-targets';
import { unreadCounts } from './list-extras';
import { visitorReach } from './visitor-reach';

/** Blocks an agent may hand the conversation back to (entry blocks excluded). */
async function handBackTargets(services: Services, conversation: Conversation) {
  if (!conversation.flow_version_id) return [];
  const version = await findVersionById(services.db, conversation.flow_version_id);
  if (!version) return [];
  const { doc } = services.flows.get(version);
  return handBackLabels(doc.blocks.filter((block) => block.type !== 'start' && block.type !== 'intent_trigger'));
}

async function people(db: Kysely<Database>, conversation: Conversation) {
  const [assignee, team, visitor, bot] = await Promise.all([
    conversation.assignee_id
      ? db
          .selectFrom('users')
          .select(['id', 'name', 'avatar_url', 'presence'])
          .where('id', '=', conversation.assignee_id)
          .executeTakeFirst()
      : undefined,
    conversation.team_id
      ? db.selectFrom('teams').select(['id', 'name']).where('id', '=', conversation.team_id).executeTakeFirst()
      : undefined,
    db.selectFrom('visitors').selectAll().where('id', '=', conversation.visitor_id).executeTakeFirstOrThrow(),
    db.selectFrom('bots').select(['id', 'name']).where('id', '=', conversation.bot_id).executeTakeFirstOrThrow(),
  ]);
  return { assignee, team, visitor, bot };
}

/** Everything the conversation view shows: transcript with notes and timeline, visitor panel, routing, summary. */
export async function conversationDetail(
  services: Services,
  viewer: Viewer,
  id: string,
  options: { afterSeq?: number } = {},
) {
  const conversation = await accessibleConversation(services.db, viewer, id);
  const [{ assignee, team, visitor, bot }, messages, targets, unread, rating] = await Promise.all([
    people(services.db, conversation),
    loadMessages(services.db, id, { afterSeq: options.afterSeq ?? 0, limit: 2000, includeInternal: true }),
    handBackTargets(services, conversation),
    unreadCounts(services.db, viewer.id, [id]),
    latestRating(services.db, id),
  ]);
  return {
    conversation: {
      id: conversation.id,
      status: conversation.status,
      priority: conversation.priority,
      priorityReason: conversation.priority_reason,
      summary: conversation.summary,
      summaryData: summaryView(conversation.summary_data),
      followUp: followUpView(conversation),
      lastSeq: conversation.last_seq,
      working: botIsWorking(conversation),
      unread: unread.get(id) ?? 0,
      assignee: assignee
        ? { id: assignee.id, name: assignee.name, avatarUrl: assignee.avatar_url, presence: assignee.presence }
        : null,
      team: team ?? null,
      bot,
      variables: conversation.variables,
      handedOffAt: conversation.handed_off_at?.toISOString() ?? null,
      firstResponseAt: conversation.first_response_at?.toISOString() ?? null,
      resolvedAt: conversation.resolved_at?.toISOString() ?? null,
      createdAt: conversation.created_at.toISOString(),
      updatedAt: conversation.updated_at.toISOString(),
      rating,
    },
    visitor: {
      id: visitor.id,
      name: visitor.name,
      email: visitor.email,
      pageUrl: visitor.page_url,
      userAgent: visitor.user_agent,
      locale: visitor.locale,
      variables: visitor.variables,
      firstSeenAt: visitor.created_at.toISOString(),
      lastSeenAt: visitor.last_seen_at.toISOString(),
      reach: await visitorReach(services, services.db, conversation, visitor),
    },
    messages: messages.map(({ message, internal }) => ({ ...message, internal })),
    handBackTargets: targets,
  };
}
