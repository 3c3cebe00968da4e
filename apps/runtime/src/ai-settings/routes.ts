import {
  AiSettings,
  TestAiConnectionAnswer,
  TestAiConnectionRequest,
  UpdateAiSettingsRequest,
} from '@flowdesk/contract';
import { createRouter } from '../http/env';
import { ApiError } from '../http/errors';
import { requireAdmin } from '../http/middleware/auth';
import { enforce } from '../http/middleware/public-rate-limit';
import { adminErrors, errorsOf, jsonResponse, routesUnder, takes } from '../http/schemas';
import { requireUserOn } from '../http/signed-in-routes';
import type { Services } from '../services';
import { endpointProblem } from './endpoint-guard';
import { readAiSettings, saveAiSettings } from './settings-store';
import { testAiConnection } from './test-connection';

/** Each test is a model call with the admin's key: per admin and minute. */
export const TEST_CONNECTION_LIMIT_PER_MINUTE = 10;

const route = routesUnder('/api/admin/ai', 'AI');
/** What reading and saving the settings answer. */
const settingsAnswer = jsonResponse(AiSettings, 'Settings');
const routes = {
  get: route('get', '/settings', {
    summary: "The workspace's AI provider, endpoint and model; the key only as set or not and its last 4 (admin)",
    responses: { 200: settingsAnswer, ...adminErrors },
  }),
  put: route('put', '/settings', takes({ body: UpdateAiSettingsRequest }), {
    summary: 'Save the AI provider, key (stored encrypted), endpoint and model; applies without a restart (admin)',
    responses: { 200: settingsAnswer, ...adminErrors, ...errorsOf(409) },
  }),
  test: route('post', '/test-connection', takes({ body: TestAiConnectionRequest }), {
    summary: 'Try an endpoint, key and model with one small request; stores nothing (admin)',
    responses: {
      200: jsonResponse(TestAiConnectionAnswer, 'What the endpoint said'),
      ...adminErrors,
      ...errorsOf(429),
    },
  }),
};

/** AI settings of the workspace (issue 22 item 4). Paths are absolute. */
export function aiSettingsRoutes(services: Services) {
  const router = createRouter();
  requireUserOn(router, services, ...Object.values(routes));
  const refusePrivateEndpoint = async (baseUrl: string | null) => {
    const problem = await endpointProblem(baseUrl, services.config.HTTP_BLOCK_ALLOW_PRIVATE);
    if (problem) throw new ApiError(400, 'endpoint_not_allowed', problem);
  };

  router.openapi(routes.get, async (c) => {
    const { workspaceId } = requireAdmin(c);
    return c.json(await readAiSettings(services, workspaceId), 200);
  });

  router.openapi(routes.put, async (c) => {
    const { workspaceId } = requireAdmin(c);
    const update = c.req.valid('json');
    if (update.provider === 'openai') await refusePrivateEndpoint(update.baseUrl);
    const saved = await saveAiSettings(services, workspaceId, update);
    if ('problem' in saved)
      throw saved.missing === 'server_secret'
        ? new ApiError(409, 'no_server_secret', saved.problem)
        : new ApiError(400, 'no_api_key', saved.problem);
    return c.json(saved.settings, 200);
  });

  router.openapi(routes.test, async (c) => {
    const { workspaceId, id } = requireAdmin(c);
    const wait = await services.limits.hit('ai-test', id, TEST_CONNECTION_LIMIT_PER_MINUTE, 60_000);
    enforce(c, { wait, message: 'Too many connection tests' });
    const body = c.req.valid('json');
    await refusePrivateEndpoint(body.baseUrl);
    const apiKey = body.apiKey ?? services.aiSettings.settingsFor(workspaceId).apiKey;
    if (!apiKey) throw new ApiError(400, 'no_api_key', 'Enter an API key to test');
    return c.json(await testAiConnection({ ...body, apiKey, timeoutMs: services.config.AI_TIMEOUT_MS }), 200);
  });
  return router;
}
