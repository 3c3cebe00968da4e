import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import { expect } from 'vitest';
import { loginHeaders, seedWorkspace } from '../fixtures/accounts';
import type { TestServer } from '../server';

/**
 * A scenario's starting point: a workspace with no agent online, its admin signed in (`call` sends their
 * session), and `draft` saved as a flow of the bot and published as its live version 1.
 */
export async function adminWithLiveFlow(
  t: { current: TestServer },
  label: string,
  name: string,
  draft: FlowDocumentInput,
) {
  const seeded = await seedWorkspace(t.current.server.db, label, { agentOnline: false });
  const adminHeaders = await loginHeaders(t.current.server.url, seeded.admin.email);
  const call = (method: string, path: string, json?: unknown) => t.current.call(method, path, adminHeaders, json);
  const created = await call('POST', '/api/admin/flows', { botId: seeded.bot.id, name, draft });
  const flowId = created.body.flow.id as string;
  const published = await call('POST', `/api/admin/flows/${flowId}/publish`, { note: 'v1' });
  expect(published.status).toBe(201);
  return { ...seeded, adminHeaders, call, flowId, versionId: published.body.version.id as string };
}
