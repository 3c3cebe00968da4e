import type { FlowDocumentInput } from '@flowdesk/flow-schema';
import type { Page } from 'playwright-core';

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
