import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Page } from 'playwright-core';
import { node } from './canvas';
import type { Harness } from './harness';

/** Creates a flow through the runtime API with the signed-in page's session; returns its id. */
export function createFlowViaApi(page: Page, botId: string, name: string, draft: FlowDocumentInput): Promise<string> {
  return page.evaluate(
    async (input) => {
      const response = await fetch('/api/admin/flows', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' },
        body: JSON.stringify(input),
      });
      if (!response.ok) throw new Error(`create flow: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { flow: { id: string } }).flow.id;
    },
    { botId, name, draft },
  );
}

/**
 * Creates a flow through the runtime API (for the seeded bot unless `botId` is given) and opens it in the
 * editor, waiting until `block` is on the canvas; returns the flow's id.
 */
export async function openNewFlow(
  page: Page,
  harness: Harness,
  flow: { name: string; draft: FlowDocumentInput; block: string; botId?: string },
): Promise<string> {
  const id = await createFlowViaApi(page, flow.botId ?? harness.seeded.botId, flow.name, flow.draft);
  await page.goto(`${harness.appUrl}flows/${id}`);
  await node(page, flow.block).waitFor();
  return id;
}
