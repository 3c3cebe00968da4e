import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { replayQueue, type SdkTarget } from './sdk/queue';
import { embedSnippet } from './snippet';

function inlineScript(html: string): string {
  const match = html.match(/<script>([\s\S]*?)<\/script>/);
  if (!match?.[1]) throw new Error('no inline script');
  return match[1];
}

describe('embedSnippet', () => {
  it('points the async loader at the runtime and sets the config', () => {
    const html = embedSnippet({ botId: 'bot_1', runtimeUrl: 'https://chat.example.com/' });
    expect(html).toContain('<script async src="https://chat.example.com/widget/loader.js"></script>');
    const window: Record<string, unknown> = {};
    runInNewContext(inlineScript(html), { window });
    expect(window.FlowdeskConfig).toEqual({ botId: 'bot_1', runtimeUrl: 'https://chat.example.com' });
  });

  it('queues SDK calls made before the loader, in a form the loader replays', () => {
    const window: Record<string, unknown> & {
      Flowdesk?: Record<string, (...a: unknown[]) => void> & { q: unknown[] };
    } = {};
    runInNewContext(
      `${inlineScript(embedSnippet({ botId: 'b', runtimeUrl: 'http://x' }))}
      window.Flowdesk.setVariables({ plan: 'pro' });
      window.Flowdesk.open();`,
      { window },
    );
    const calls: unknown[][] = [];
    const target = new Proxy(
      {},
      {
        get:
          (_t, name) =>
          (...args: unknown[]) =>
            calls.push([name, ...args]),
      },
    );
    replayQueue(window.Flowdesk?.q, target as SdkTarget);
    expect(calls).toEqual([['setVariables', { plan: 'pro' }], ['open']]);
  });

  it('cannot be broken out of by a hostile bot id or option', () => {
    const html = embedSnippet({
      botId: '</script><script>alert(1)</script>',
      runtimeUrl: 'http://x',
      extra: { greeting: '<!--' },
    });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<!--');
    const window: Record<string, { botId?: string; greeting?: string }> = {};
    runInNewContext(inlineScript(html), { window });
    expect(window.FlowdeskConfig?.botId).toBe('</script><script>alert(1)</script>');
    expect(window.FlowdeskConfig?.greeting).toBe('<!--');
  });

  it('is exactly what the README shows', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = readme.match(/## Embed[\s\S]*?```html\n([\s\S]*?)\n```/)?.[1];
    expect(block).toBe(embedSnippet({ botId: 'demo-bot', runtimeUrl: 'http://localhost:3000' }));
  });
});
