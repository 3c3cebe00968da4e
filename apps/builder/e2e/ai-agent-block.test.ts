import { expect, onTestFailed, test } from 'vitest';
import { sampleFlow } from '../src/editor/model/test-flow';
import { openNewFlow } from './support/api';
import { SCREENSHOTS } from './support/browser';
import { dragBlock, node } from './support/canvas';
import { setupDashboard } from './support/dashboard';

const { harness, page } = setupDashboard({ signedIn: true });

test('an AI agent block is dropped from the palette and its handoff action edited in the inspector', async () => {
  onTestFailed(async () => {
    await page.screenshot({ path: `${SCREENSHOTS}/builder-failure-ai-agent.png`, fullPage: true });
  });
  await openNewFlow(page, harness, { name: 'Agent', draft: sampleFlow(), block: 'menu' });
  const agent = await dragBlock(page, 'ai_agent');
  await node(page, agent).click();
  const inspector = page.locator('.inspector');
  await inspector.getByText('Action: human handoff').waitFor();
  await inspector.getByLabel('When to use', { exact: true }).fill('The visitor asks for a refund');
  await expect.poll(() => node(page, agent).textContent()).toContain('Hands off, after asking for “email”');
  await page.screenshot({ path: `${SCREENSHOTS}/builder-ai-agent-block.png` });
});
