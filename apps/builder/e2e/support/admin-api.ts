import type { Page } from 'playwright-core';

/** Calls the runtime's admin API with the signed-in page's session; returns the parsed JSON answer. */
export function adminApi<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async (input) => {
      const response = await fetch(input.path, {
        method: input.method,
        headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'flowdesk' },
        body: input.body === undefined ? undefined : JSON.stringify(input.body),
      });
      if (!response.ok) throw new Error(`${input.method} ${input.path}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : await response.json();
    },
    { method, path, body },
  ) as Promise<T>;
}

/** The saved draft of a flow, as the server has it. */
export async function savedDraft(page: Page, flowId: string) {
  const { flow } = await adminApi<{
    flow: { draft: { blocks: { id: string; type: string; data: Record<string, unknown> }[] } };
  }>(page, 'GET', `/api/admin/flows/${encodeURIComponent(flowId)}`);
  return flow.draft;
}
