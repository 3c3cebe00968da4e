import { CsatComment, CsatCommentRequest, CsatRatingRequest, CsatState } from '@flowdesk/contract';
import { ConflictError, NotFoundError } from '../errors';
import { createRouter } from '../http/env';
import { requireVisitor, visitorConversation } from '../http/middleware/visitor-auth';
import { ConversationIdParam, visitorSecurity } from '../http/routes/public/schemas';
import { errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import type { Services } from '../services';
import { CSAT_PAGE_PATH, readRatingToken } from './link';
import { csatPage, invalidLinkPage, ratingForm } from './page';
import { addComment, currentSurvey, rate, surveyState } from './survey';
import { csatDb } from './tables';

const base = '/api/public/conversations/{id}/csat';
const visitorErrors = errorsOf(400, 401, 404, 409, 429);

const route = routesUnder(base, 'Widget');
const stateRoute = route('get', '', takes({ params: ConversationIdParam }), {
  summary:
    'Whether to ask for a rating of this resolution (the bot asks, the conversation is resolved) and what was given',
  security: visitorSecurity,
  responses: { 200: jsonResponse(CsatState, 'Survey of the current resolution'), ...visitorErrors },
});
const rateRoute = route('post', '', takes({ params: ConversationIdParam, body: CsatRatingRequest }), {
  summary: 'Rate the resolution (1–5; thumbs: 1 down, 5 up), once per resolution; 409 for a second rating',
  security: visitorSecurity,
  responses: { 201: jsonResponse(CsatState, 'Rated'), ...visitorErrors },
});
const commentRoute = route('post', '/comment', takes({ params: ConversationIdParam, body: CsatCommentRequest }), {
  summary: 'The optional comment after a rating (once)',
  security: visitorSecurity,
  responses: { 200: jsonResponse(CsatState, 'Comment saved'), ...visitorErrors },
});

export function csatRoutes(services: Services) {
  const router = createRouter();
  const { db } = services;
  router.openapi(stateRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const conversation = await visitorConversation(services, visitor, c.req.valid('param').id);
    return c.json(surveyState(await currentSurvey(db, conversation)), 200);
  });
  router.openapi(rateRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const conversation = await visitorConversation(services, visitor, c.req.valid('param').id);
    const survey = await rate(services, conversation.id, { ...c.req.valid('json'), source: 'widget' });
    return c.json(surveyState(survey), 201);
  });
  router.openapi(commentRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const conversation = await visitorConversation(services, visitor, c.req.valid('param').id);
    const survey = await addComment(services, conversation.id, c.req.valid('json').comment);
    return c.json(surveyState(survey), 200);
  });

  // The email's links: GET shows the chosen score with the comment box (mail scanners follow links and must
  // not rate); the form's POST records the rating, then thanks.
  router.get(CSAT_PAGE_PATH, async (c) => {
    const token = c.req.query('token') ?? '';
    const claim = token.length <= 2000 ? await readRatingToken(db, token) : null;
    if (!claim) return invalidLinkPage(c);
    const survey = await csatDb(db)
      .selectFrom('csat_surveys')
      .select(['scale', 'score'])
      .where('id', '=', claim.s)
      .executeTakeFirst();
    if (!survey) return invalidLinkPage(c);
    if (survey.score !== null) return csatPage(c, 200, 'Thank you', 'This conversation is already rated.');
    return ratingForm(c, token, survey.scale, claim.n);
  });
  router.post(CSAT_PAGE_PATH, async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const token = typeof form.token === 'string' && form.token.length <= 2000 ? form.token : '';
    const claim = await readRatingToken(db, token);
    if (!claim) return invalidLinkPage(c);
    const text = typeof form.comment === 'string' ? form.comment.trim() : '';
    const comment = text === '' ? undefined : CsatComment.safeParse(text);
    if (comment && !comment.success) {
      return csatPage(c, 400, 'Comment too long', 'Keep the comment under 1,000 characters and send it again.');
    }
    try {
      await rate(services, claim.c, { score: claim.n, comment: comment?.data, source: 'email', surveyId: claim.s });
    } catch (error) {
      if (error instanceof ConflictError) {
        return csatPage(c, 409, 'Already rated', 'This conversation was already rated. Thank you!');
      }
      if (error instanceof NotFoundError) return invalidLinkPage(c);
      throw error;
    }
    return csatPage(c, 200, 'Thank you', 'Your rating was recorded. Thank you for telling us.');
  });
  return router;
}
