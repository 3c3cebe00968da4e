import {
  AnalyticsBlocksQuery,
  AnalyticsBlocksResponse,
  AnalyticsLive,
  AnalyticsOverview,
  AnalyticsOverviewQuery,
  AnalyticsPeopleResponse,
} from '@flowdesk/contract';
import { z } from '@hono/zod-openapi';
import { createRouter } from '../http/env';
import { currentUser, requireUser } from '../http/middleware/auth';
import { errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import type { Services } from '../services';
import { blockFigures } from './block-figures';
import { conversationsCsvPages } from './export-csv';
import { live, overview, workspaceTimeZone } from './overview';
import { peopleFigures } from './people-figures';

/** Bad query, not signed in, not an admin. */
const refused = errorsOf(400, 401, 403);

const base = '/api/analytics';
const route = routesUnder(base, 'Analytics (admin)');
const overviewRoute = route('get', '/overview', takes({ query: AnalyticsOverviewQuery }), {
  summary: "Figures of the conversations started in a range of days (the workspace's time zone), with filters",
  responses: { 200: jsonResponse(AnalyticsOverview, 'Figures'), ...refused },
});

const liveRoute = route('get', '/live', {
  summary: 'Right now: conversations waiting for a person, unassigned ones, agents online',
  request: { query: z.object({ teamId: z.string().min(1).max(100).optional() }) },
  responses: { 200: jsonResponse(AnalyticsLive, 'Live figures'), ...refused },
});

const blocksRoute = route('get', '/blocks', takes({ query: AnalyticsBlocksQuery }), {
  summary:
    'Per block, per flow version: visitors who reached it, visits, drop-off (never negative), handoffs, intents matched; optionally of the conversations started in a range of days',
  responses: { 200: jsonResponse(AnalyticsBlocksResponse, 'Block figures'), ...refused },
});

const peopleRoute = route('get', '/people', takes({ query: AnalyticsOverviewQuery }), {
  summary: 'Per agent and per team: conversations handled, first response and resolution times (median, p90)',
  responses: { 200: jsonResponse(AnalyticsPeopleResponse, 'Figures per agent and team'), ...refused },
});

const exportRoute = route('get', '/conversations.csv', takes({ query: AnalyticsOverviewQuery }), {
  summary: 'CSV of the conversations started in the range, with their figures',
  responses: {
    200: { description: 'CSV, one conversation a line', content: { 'text/csv': { schema: z.string() } } },
    ...refused,
  },
});

/** Analytics API for admins (the overview page uses it). Paths are absolute. */
export function analyticsRoutes(services: Services) {
  const router = createRouter();
  router.use(`${base}/*`, requireUser(services, { role: 'admin' }));
  router.openapi(overviewRoute, async (c) =>
    c.json(await overview(services.db, currentUser(c).workspaceId, c.req.valid('query')), 200),
  );
  router.openapi(liveRoute, async (c) =>
    c.json(await live(services.db, currentUser(c).workspaceId, c.req.valid('query').teamId), 200),
  );
  router.openapi(peopleRoute, async (c) =>
    c.json(await peopleFigures(services.db, currentUser(c).workspaceId, c.req.valid('query')), 200),
  );
  router.openapi(exportRoute, async (c) => {
    const pages = conversationsCsvPages(services.db, currentUser(c).workspaceId, c.req.valid('query'));
    // The first page (the header and the first lines) before the status, so a failing query still answers 500.
    const first = await pages.next();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        if (!first.done) controller.enqueue(encoder.encode(first.value));
      },
      async pull(controller) {
        const page = await pages.next();
        if (page.done) controller.close();
        else controller.enqueue(encoder.encode(page.value));
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    const { from, to } = c.req.valid('query');
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="conversations-${from}-${to}.csv"`,
    });
  });
  router.openapi(blocksRoute, async (c) => {
    const { workspaceId } = currentUser(c);
    const query = c.req.valid('query');
    const versions = query.flowVersionId
      ? [query.flowVersionId]
      : query.flowId
        ? (
            await services.db.selectFrom('flow_versions').select('id').where('flow_id', '=', query.flowId).execute()
          ).map((row) => row.id)
        : undefined;
    if (versions?.length === 0) return c.json({ blocks: [] }, 200);
    const { from, to } = query;
    const days =
      from && to ? { timeZone: await workspaceTimeZone(services.db, workspaceId), query: { from, to } } : undefined;
    return c.json({ blocks: await blockFigures(services.db, workspaceId, { flowVersionIds: versions, days }) }, 200);
  });
  return router;
}
