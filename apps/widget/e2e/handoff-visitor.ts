import type { BrowserContext, BrowserContextOptions } from 'playwright-core';
import { DESKTOP } from './browser';
import { startHostPage } from './host-page';
import { type Stack, storedConversationId } from './stack';
import { widget } from './widget-page';
import { botWithFlow, flowOf } from './working-flows';

/** A stored message as the inbox API returns it. */
export interface Detail {
  messages: { author: string; content: { type: string; text?: string }; createdAt: string }[];
  visitor: { name: string | null; email: string | null; variables: Record<string, unknown> };
}

/** A fresh visitor with the widget open at the demo bot's main menu. */
export async function visitorAtMainMenu(s: Stack) {
  const context = await s.browser.newContext({ viewport: DESKTOP });
  const page = await s.openPage(context);
  const w = widget(page);
  await w.launcher.click();
  await w.botSays('What can I help you with?').waitFor();
  return { s, context, page, w };
}

/**
 * Asks the demo bot for a person while nobody can take the conversation: its offline branch says so and asks
 * for an email. Returns the email field.
 */
export async function askForPersonOffline(w: ReturnType<typeof widget>) {
  await w.composer.getByRole('button', { name: 'Talk to a human' }).click();
  await w.botSays("We're offline right now").waitFor();
  await w.botSays("Leave your email and we'll get back to you").waitFor();
  return w.composer.locator('input[type="email"]');
}

/**
 * A visitor who opened the widget and asked for a person, with the demo agent online to take it.
 * `prepare` runs on the new browser context before the page opens (e.g. to route its WebSocket).
 */
export async function visitorInHandoff(
  s: Stack,
  options: BrowserContextOptions = { viewport: DESKTOP },
  prepare?: (context: BrowserContext) => Promise<void>,
) {
  await s.asAgent('PUT', '/api/inbox/presence', { status: 'online' });
  const context = await s.browser.newContext(options);
  await prepare?.(context);
  const page = await s.openPage(context);
  const w = widget(page);
  await w.launcher.click();
  await w.composer.getByRole('button', { name: 'Talk to a human' }).click();
  await w.banner.filter({ hasText: 'Connecting you with the team' }).waitFor();
  return { s, context, page, w, conversationId: await storedConversationId(page, s.botId) };
}

/** A bot that hands off straight away and has nothing after its offline output: the widget collects the email. */
export const bareHandoffFlow = flowOf({
  id: 'bare',
  name: 'Bare handoff',
  blocks: [
    {
      id: 'handoff',
      type: 'human_handoff',
      position: { x: 250, y: 0 },
      data: {
        priority: { mode: 'fixed', value: 'medium' },
        teamId: null,
        confirmationMessage: 'Connecting you.',
        offlineMessage: 'Sorry, the team is away.',
        offlineWhen: 'both',
        noAgentTimeoutMinutes: null,
      },
    },
  ],
  exits: { start: { next: 'handoff' } },
});

/** Nobody online and a bot of `bareHandoffFlow` on its own host page: the opened chat shows its offline email form. */
export async function visitorAtOfflineForm(s: Stack, botName: string) {
  await s.asAgent('PUT', '/api/inbox/presence', { status: 'offline' });
  const botId = await botWithFlow(s.runtime.url, s.admin, botName, bareHandoffFlow);
  const host = await startHostPage({ runtimeUrl: s.runtime.url, botId });
  const context = await s.browser.newContext({ viewport: DESKTOP });
  const page = await s.openPage(context, host.url);
  const w = widget(page);
  await w.launcher.click();
  /** Closes the visitor's window and the host page. */
  const close = async () => {
    await context.close();
    await host.close();
  };
  return { page, w, form: w.panel.locator('form.offline'), close };
}
