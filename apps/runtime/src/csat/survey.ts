import { randomUUID } from 'node:crypto';
import {
  type ConversationRating,
  CSAT_DEFAULT,
  CsatSetting,
  type CsatState,
  isSatisfied,
  THUMBS_DOWN,
  THUMBS_UP,
} from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { insertSummarized } from '../analytics/conversation-summary';
import { analyticsDb } from '../analytics/facts';
import type { Conversation, Database } from '../db/schema';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { Services } from '../services';
import { type ConversationTx, withConversation } from '../services/conversation-tx';
import { type CsatSurvey, csatDb } from './tables';

/** The bot's CSAT setting (`stars` when unset or unreadable). */
export async function csatSetting(db: Kysely<Database>, botId: string): Promise<CsatSetting> {
  const bot = await db.selectFrom('bots').select('settings').where('id', '=', botId).executeTakeFirst();
  const parsed = CsatSetting.safeParse(bot?.settings?.csat);
  return parsed.success ? parsed.data : CSAT_DEFAULT;
}

/**
 * In the transaction that resolved `conversation` (bot or human): opens the survey of this resolution
 * unless the bot's setting is off. The agent and team who hold it now are the ones the rating is for.
 */
export async function openSurvey(trx: Kysely<Database>, conversation: Conversation): Promise<void> {
  if (conversation.status !== 'resolved' || !conversation.resolved_at) return;
  const setting = await csatSetting(trx, conversation.bot_id);
  if (setting === 'off') return;
  await csatDb(trx)
    .insertInto('csat_surveys')
    .values({
      id: randomUUID(),
      workspace_id: conversation.workspace_id,
      bot_id: conversation.bot_id,
      conversation_id: conversation.id,
      resolved_at: conversation.resolved_at,
      scale: setting,
      agent_id: conversation.assignee_id,
      team_id: conversation.team_id,
    })
    .onConflict((oc) => oc.columns(['conversation_id', 'resolved_at']).doNothing())
    .execute();
}

/** The survey of the conversation's current resolution (none while it is open, or when the bot does not ask). */
export async function currentSurvey(db: Kysely<Database>, conversation: Conversation): Promise<CsatSurvey | null> {
  if (conversation.status !== 'resolved' || !conversation.resolved_at) return null;
  const row = await csatDb(db)
    .selectFrom('csat_surveys')
    .selectAll()
    .where('conversation_id', '=', conversation.id)
    .where('resolved_at', '=', conversation.resolved_at)
    .executeTakeFirst();
  return row ?? null;
}

/** The visitor's latest rating of the conversation (any resolution), as the inbox shows it. */
export async function latestRating(db: Kysely<Database>, conversationId: string): Promise<ConversationRating | null> {
  const survey = await csatDb(db)
    .selectFrom('csat_surveys')
    .selectAll()
    .where('conversation_id', '=', conversationId)
    .where('score', 'is not', null)
    .orderBy('rated_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!survey || survey.score === null || !survey.rated_at) return null;
  return {
    scale: survey.scale,
    score: survey.score,
    satisfied: isSatisfied(survey.score),
    comment: survey.comment,
    source: survey.source,
    ratedAt: survey.rated_at.toISOString(),
    resolvedAt: survey.resolved_at.toISOString(),
  };
}

export const surveyState = (survey: CsatSurvey | null): CsatState => ({
  asked: survey !== null,
  scale: survey?.scale ?? null,
  score: survey?.score ?? null,
  comment: survey?.comment ?? null,
});

const ratingWords = (survey: CsatSurvey, score: number) =>
  survey.scale === 'thumbs' ? `a thumbs ${score === THUMBS_UP ? 'up' : 'down'}` : `${score}/5`;

/** A timeline line only agents see (the visitor's widget says thank you itself). */
async function csatEvent(tx: ConversationTx, text: string, data: Record<string, unknown>) {
  await tx.append([{ author: 'system', content: { type: 'event', kind: 'csat', text, data }, internal: true }]);
}

const commentEvent = (tx: ConversationTx, comment: string) =>
  csatEvent(tx, `Visitor's comment: ${comment}`, { comment });

export interface Rating {
  score: number;
  comment?: string;
  source: 'widget' | 'email';
  /** The email link's survey (a past resolution may still be rated); the current one without. */
  surveyId?: string;
}

/**
 * Records the one rating of a resolution: the survey, a `csat` fact (dated at the resolution, with the
 * agent and team who held it then) and an agents-only timeline line, in the conversation's transaction.
 */
export async function rate(services: Services, conversationId: string, rating: Rating): Promise<CsatSurvey> {
  return withConversation(services, conversationId, async (tx) => {
    const survey = rating.surveyId
      ? await csatDb(tx.trx)
          .selectFrom('csat_surveys')
          .selectAll()
          .where('id', '=', rating.surveyId)
          .where('conversation_id', '=', conversationId)
          .executeTakeFirst()
      : await currentSurvey(tx.trx, tx.conversation);
    if (!survey) {
      if (rating.surveyId) throw new NotFoundError('Survey');
      if (tx.conversation.status !== 'resolved')
        throw new ConflictError('This conversation is not resolved: nothing to rate');
      throw new ConflictError('This bot does not ask for ratings');
    }
    if (survey.score !== null) throw new ConflictError('This conversation was already rated');
    if (survey.scale === 'thumbs' && rating.score !== THUMBS_UP && rating.score !== THUMBS_DOWN) {
      throw new ValidationError(`A thumbs rating is ${THUMBS_DOWN} (down) or ${THUMBS_UP} (up)`, { field: 'score' });
    }
    const now = new Date();
    const rated = await csatDb(tx.trx)
      .updateTable('csat_surveys')
      .set({ score: rating.score, comment: rating.comment ?? null, source: rating.source, rated_at: now })
      .where('id', '=', survey.id)
      .where('score', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!rated) throw new ConflictError('This conversation was already rated');
    const fact = analyticsDb(tx.trx)
      .insertInto('analytics_facts')
      .values({
        workspace_id: survey.workspace_id,
        bot_id: survey.bot_id,
        flow_version_id: tx.conversation.flow_version_id,
        conversation_id: survey.conversation_id,
        kind: 'csat',
        reason: survey.scale,
        agent_id: survey.agent_id,
        team_id: survey.team_id,
        channel: tx.conversation.channel,
        at: survey.resolved_at,
        payload: JSON.stringify({
          score: rating.score,
          satisfied: isSatisfied(rating.score),
          source: rating.source,
          ratedAt: now.toISOString(),
        }),
      })
      .returningAll();
    await insertSummarized(tx.trx, fact);
    await csatEvent(tx, `Visitor rated ${ratingWords(survey, rating.score)}`, {
      score: rating.score,
      scale: survey.scale,
    });
    if (rating.comment) await commentEvent(tx, rating.comment);
    return rated;
  });
}

/** The optional comment after a rating, once per survey. */
export async function addComment(
  services: Services,
  conversationId: string,
  comment: string,
  surveyId?: string,
): Promise<CsatSurvey> {
  return withConversation(services, conversationId, async (tx) => {
    const survey = surveyId
      ? await csatDb(tx.trx)
          .selectFrom('csat_surveys')
          .selectAll()
          .where('id', '=', surveyId)
          .where('conversation_id', '=', conversationId)
          .executeTakeFirst()
      : await currentSurvey(tx.trx, tx.conversation);
    if (!survey || survey.score === null) throw new ConflictError('Rate the conversation before commenting');
    if (survey.comment !== null) throw new ConflictError('This rating already has a comment');
    const updated = await csatDb(tx.trx)
      .updateTable('csat_surveys')
      .set({ comment })
      .where('id', '=', survey.id)
      .where('comment', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!updated) throw new ConflictError('This rating already has a comment');
    await commentEvent(tx, comment);
    return updated;
  });
}
