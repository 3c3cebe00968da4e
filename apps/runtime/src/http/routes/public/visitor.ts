import { MAX_PUBLIC_VARIABLES } from '@flowdesk/contract';
import { createRoute, z } from '@hono/zod-openapi';
import { latestVisitorConversation } from '../../../repositories/conversations';
import { updateVisitor } from '../../../repositories/visitors';
import type { Services } from '../../../services';
import { createRouter } from '../../env';
import { badRequest } from '../../errors';
import { requireVisitor } from '../../middleware/visitor-auth';
import { errorsOf, jsonBody, jsonResponse } from '../../schemas';
import { PublicSchemas, visitorSecurity } from './schemas';

const VisitorResponse = z
  .object({
    visitor: z.object({
      id: z.string(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      variables: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    }),
  })
  .openapi('VisitorResponse');

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/public/visitor',
  tags: ['Widget'],
  summary: "identify() / setVariables(): update the visitor; variables also reach the running bot's flow",
  security: visitorSecurity,
  request: { body: jsonBody(PublicSchemas.UpdateVisitorRequest) },
  responses: { 200: jsonResponse(VisitorResponse, 'Updated'), ...errorsOf(400, 401, 429) },
});

/** Variables a visitor keeps across setVariables calls (each new conversation starts with all of them). */
export const MAX_VISITOR_VARIABLES = 2 * MAX_PUBLIC_VARIABLES;

export function publicVisitorRoutes(services: Services) {
  const router = createRouter();
  router.openapi(updateRoute, async (c) => {
    const visitor = await requireVisitor(c, services);
    const body = c.req.valid('json');
    if (body.variables && Object.keys({ ...visitor.variables, ...body.variables }).length > MAX_VISITOR_VARIABLES)
      throw badRequest(`A visitor keeps at most ${MAX_VISITOR_VARIABLES} variables`, { field: 'variables' });
    const updated = await updateVisitor(services.db, visitor, {
      ...(body.visitor?.name === undefined ? {} : { name: body.visitor.name }),
      ...(body.visitor?.email === undefined ? {} : { email: body.visitor.email }),
      ...(body.variables === undefined ? {} : { variables: body.variables }),
    });
    const conversation = await latestVisitorConversation(services.db, visitor.id);
    if (conversation?.status === 'bot' && conversation.flow_version_id) {
      const variables = {
        ...body.variables,
        visitor: { name: updated.name ?? '', email: updated.email ?? '', pageUrl: updated.page_url ?? '' },
      };
      await services.conversations.engineEvent(conversation.id, { type: 'set_variables', variables });
    }
    return c.json(
      { visitor: { id: updated.id, name: updated.name, email: updated.email, variables: updated.variables } },
      200,
    );
  });
  return router;
}
