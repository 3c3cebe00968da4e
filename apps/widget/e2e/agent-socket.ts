import type { BrowserContext, Page } from 'playwright-core';
import type { Session } from './runtime-api';

/**
 * An agent's realtime connection, opened from a page on the runtime's own origin with the agent's
 * session cookie (as the inbox does). Frames received are kept on window.__frames.
 */
export async function openAgentSocket(
  context: BrowserContext,
  runtimeUrl: string,
  agent: Session,
  conversationId: string,
) {
  const [name, ...rest] = (agent.headers.cookie ?? '').split('=');
  await context.addCookies([{ name: name ?? '', value: rest.join('='), url: runtimeUrl }]);
  const page: Page = await context.newPage();
  await page.goto(`${runtimeUrl}/healthz`);
  await page.evaluate(
    (id) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { __frames: unknown[]; __ws: WebSocket };
        w.__frames = [];
        const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/ws`);
        w.__ws = ws;
        ws.onmessage = (e) => {
          const frame = JSON.parse(String(e.data));
          w.__frames.push(frame);
          // The runtime answers a subscription with where the conversation stands: from then on the
          // socket receives its typing frames (resolving on open raced the visitor's first keystroke).
          if (frame.type === 'conversation' && frame.conversation?.id === id) resolve();
          if (frame.type === 'error') reject(new Error(`agent socket: ${frame.message}`));
        };
        ws.onerror = () => reject(new Error('agent socket failed'));
        ws.onopen = () => ws.send(JSON.stringify({ type: 'subscribe', conversationId: id, afterSeq: 1_000_000 }));
      }),
    conversationId,
  );
  return {
    page,
    typing: (conversationId: string, typing: boolean) =>
      page.evaluate(
        ([id, on]) =>
          (window as unknown as { __ws: WebSocket }).__ws.send(
            JSON.stringify({ type: 'typing', conversationId: id, typing: on }),
          ),
        [conversationId, typing] as const,
      ),
    drop: () => page.evaluate(() => (window as unknown as { __ws: WebSocket }).__ws.close()),
    frames: () =>
      page.evaluate(
        () => (window as unknown as { __frames: { type: string; author?: string; typing?: boolean }[] }).__frames,
      ),
  };
}
